package org.peersupport.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peersupport.stack.LocalStack;
import org.peersupport.stack.StackConfig;

/**
 * The local stack as {@code ./peer up} starts it (the same launcher), on ports and a state folder of its own, so
 * that neither {@code ./peer up} (8080–8085, 9000, 9092/9093, 27017, 8025/3025) nor the end-to-end test
 * (28080–29093, 28025) is in the way; all below 32768, where Linux picks the local ports of outgoing connections
 * (a listener there may find its port taken by a client's connection).
 */
final class BenchStack {

    /** {@code ./peer bench}: services 18180–18185 (management 19180–19185). */
    static final Map<String, Integer> BENCH_PORTS = ports(18180, 19100, 19192, 17117, 18125);
    /** {@code ./peer chaos}: services 20180–20185 (management 21180–21185); the proxies take 21292 and 17317. */
    static final Map<String, Integer> CHAOS_PORTS = ports(20180, 21100, 21192, 17217, 20125);
    static final int CHAOS_KAFKA_PROXY_PORT = 21292;
    static final int CHAOS_MONGO_PROXY_PORT = 17317;

    private BenchStack() {
    }

    static Map<String, Integer> ports(int console, int issuer, int kafka, int mongo, int mail) {
        Map<String, Integer> p = new LinkedHashMap<>();
        p.put("kafka", kafka);
        p.put("kafka-controller", kafka + 1);
        p.put("mongo", mongo);
        p.put("mail", mail);
        p.put("issuer", issuer);
        String[] services = {"console", "intake", "matching", "followup", "notification", "training"};
        for (int i = 0; i < services.length; i++) {
            p.put(services[i], console + i);
        }
        return Map.copyOf(p);
    }

    /**
     * The stack's configuration for a run. The load is far beyond the demo pool (nine supporters, a few cases each),
     * so nearly every request is escalated to its coordinators; matching's look again for an escalated request is
     * put off an hour so that a run measures the path of a request, not a growing backlog of retries. The
     * coordinator's hourly limit of requests recorded for callers (120) is lifted: the load comes through that door.
     */
    static StackConfig config(Path root, Path stateDir, Map<String, Integer> ports, Map<String, String> followupEnv) {
        StackConfig config = StackConfig.defaults(root, Map.of())
                .withStateDir(stateDir)
                .withPorts(ports)
                .withStartTimeout(Duration.ofSeconds(300))
                .withExtraEnv("intake", Map.of("PEERSUPPORT_INTAKE_RATELIMIT_ONBEHALFPERHOUR", "100000000",
                        "PEERSUPPORT_INTAKE_RATELIMIT_SUBMISSIONSPERHOUR", "100000000"))
                .withExtraEnv("matching", Map.of("PEERSUPPORT_MATCHING_RETRYFIRSTDELAY", "1h",
                        "PEERSUPPORT_MATCHING_RETRYMAXDELAY", "1h"))
                .withExtraEnv("followup", followupEnv);
        return config;
    }

    static LocalStack stack(StackConfig config) {
        return new LocalStack(config);
    }
}
