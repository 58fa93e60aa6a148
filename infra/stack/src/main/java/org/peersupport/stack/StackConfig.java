package org.peersupport.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the local stack lives and which ports its parts use.
 *
 * <p>{@code ports} holds one entry per part (see {@link #PARTS}); the Kafka controller port is
 * {@code kafka-controller}, and when it is not given it is the Kafka port plus one. A service's management port
 * (health, metrics) is {@code <service>-management}, and when it is not given it is the service's port plus
 * {@link #MANAGEMENT_OFFSET}, the services' own default.
 */
public record StackConfig(
        Path projectRoot,
        Path stateDir,
        Map<String, Integer> ports,
        Map<String, Map<String, String>> extraEnv,
        Duration startTimeout) {

    public static final String KAFKA = "kafka";
    public static final String KAFKA_CONTROLLER = "kafka-controller";
    public static final String MONGO = "mongo";
    public static final String ISSUER = "issuer";
    /** The SMTP server that catches the services' emails; its port is the web view of what it caught. */
    public static final String MAIL = "mail";
    /** The SMTP port of {@link #MAIL}: when not given, the mail view's port minus {@link #SMTP_OFFSET}. */
    public static final String MAIL_SMTP = "mail-smtp";
    public static final int SMTP_OFFSET = 5000;

    /** The infrastructure parts, in start order. */
    public static final List<String> INFRA = List.of(KAFKA, MONGO, MAIL, ISSUER);

    /** The services, each run from {@code <name>-service/target/<name>-service-0.1.0-SNAPSHOT-exec.jar}. */
    public static final List<String> SERVICES =
            List.of("console", "intake", "matching", "followup", "notification", "training");

    /** Every part, in start order. */
    public static final List<String> PARTS = List.of(
            KAFKA, MONGO, MAIL, ISSUER, "console", "intake", "matching", "followup", "notification", "training");

    public static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    /** A service's management port is its port plus this unless set (the platform's default too). */
    public static final int MANAGEMENT_OFFSET = 1000;

    private static final String MANAGEMENT_SUFFIX = "-management";

    public StackConfig {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(stateDir, "stateDir");
        projectRoot = projectRoot.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
        Map<String, Integer> p = new LinkedHashMap<>(DEFAULT_PORTS);
        if (ports != null) {
            ports.forEach((part, port) -> p.put(checkPortKey(part), checkPort(part, port)));
        }
        ports = Collections.unmodifiableMap(p);
        Map<String, Map<String, String>> e = new LinkedHashMap<>();
        if (extraEnv != null) {
            extraEnv.forEach((part, env) -> e.put(checkPart(part), Map.copyOf(env)));
        }
        extraEnv = Collections.unmodifiableMap(e);
        startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
    }

    /** Defaults for a checkout, with overrides from {@code PEER_PORT_<PART>}, {@code PEER_STATE_DIR} and
     * {@code PEER_START_TIMEOUT} (seconds) in the environment. */
    public static StackConfig defaults(Path projectRoot) {
        return defaults(projectRoot, System.getenv());
    }

    /** As {@link #defaults(Path)}, reading the overrides from {@code env}. */
    public static StackConfig defaults(Path projectRoot, Map<String, String> env) {
        Path root = projectRoot.toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String part : portKeys()) {
            String name = envName(part);
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                try {
                    ports.put(part, Integer.parseInt(value.trim()));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(name + " is not a port number: " + value);
                }
            }
        }
        String state = env.get("PEER_STATE_DIR");
        Path stateDir = state == null || state.isBlank() ? root.resolve(".peer") : root.resolve(state.trim());
        Duration timeout = DEFAULT_START_TIMEOUT;
        String t = env.get("PEER_START_TIMEOUT");
        if (t != null && !t.isBlank()) {
            timeout = Duration.ofSeconds(Long.parseLong(t.trim()));
        }
        return new StackConfig(root, stateDir, ports, Map.of(), timeout);
    }

    /** The environment variable that overrides a part's port, e.g. {@code PEER_PORT_KAFKA_CONTROLLER}. */
    public static String envName(String part) {
        return "PEER_PORT_" + part.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public StackConfig withPorts(Map<String, Integer> overrides) {
        Map<String, Integer> p = new LinkedHashMap<>(ports);
        p.putAll(overrides);
        if (overrides.containsKey(KAFKA) && !overrides.containsKey(KAFKA_CONTROLLER)) {
            p.remove(KAFKA_CONTROLLER); // follows the Kafka port again
        }
        return new StackConfig(projectRoot, stateDir, p, extraEnv, startTimeout);
    }

    public StackConfig withStateDir(Path dir) {
        return new StackConfig(projectRoot, dir, ports, extraEnv, startTimeout);
    }

    public StackConfig withExtraEnv(String part, Map<String, String> env) {
        Map<String, Map<String, String>> e = new LinkedHashMap<>(extraEnv);
        Map<String, String> merged = new LinkedHashMap<>(e.getOrDefault(part, Map.of()));
        merged.putAll(env);
        e.put(part, merged);
        return new StackConfig(projectRoot, stateDir, ports, e, startTimeout);
    }

    public StackConfig withStartTimeout(Duration timeout) {
        return new StackConfig(projectRoot, stateDir, ports, extraEnv, timeout);
    }

    /** The management port of a service: health, readiness and metrics answer there, never on its own port. */
    public int managementPort(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("not a service: " + service + " (services: " + SERVICES + ")");
        }
        Integer p = ports.get(service + MANAGEMENT_SUFFIX);
        return p != null ? p : port(service) + MANAGEMENT_OFFSET;
    }

    /** The port of a part, or of {@code kafka-controller}. */
    public int port(String part) {
        Integer p = ports.get(part);
        if (p != null) {
            return p;
        }
        if (KAFKA_CONTROLLER.equals(part)) {
            return port(KAFKA) + 1;
        }
        if (MAIL_SMTP.equals(part)) {
            return port(MAIL) - SMTP_OFFSET;
        }
        throw new IllegalArgumentException("unknown part: " + part + " (parts: " + PARTS + ")");
    }

    public Map<String, String> extraEnv(String part) {
        return extraEnv.getOrDefault(part, Map.of());
    }

    static List<String> portKeys() {
        List<String> keys = new java.util.ArrayList<>(PARTS);
        keys.add(1, KAFKA_CONTROLLER);
        keys.add(MAIL_SMTP);
        SERVICES.forEach(service -> keys.add(service + MANAGEMENT_SUFFIX));
        return keys;
    }

    static String checkPart(String part) {
        if (!PARTS.contains(part)) {
            throw new IllegalArgumentException("unknown part: " + part + " (parts: " + PARTS + ")");
        }
        return part;
    }

    private static String checkPortKey(String part) {
        if (KAFKA_CONTROLLER.equals(part) || MAIL_SMTP.equals(part) || part.endsWith(MANAGEMENT_SUFFIX)
                && SERVICES.contains(part.substring(0, part.length() - MANAGEMENT_SUFFIX.length()))) {
            return part;
        }
        return checkPart(part);
    }

    private static int checkPort(String part, Integer port) {
        if (port == null || port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad port for " + part + ": " + port);
        }
        return port;
    }

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> p = new LinkedHashMap<>();
        p.put(KAFKA, 9092);
        p.put(MONGO, 27017);
        p.put(MAIL, 8025);
        p.put(ISSUER, 9000);
        p.put("console", 8080);
        p.put("intake", 8081);
        p.put("matching", 8082);
        p.put("followup", 8083);
        p.put("notification", 8084);
        p.put("training", 8085);
        return Collections.unmodifiableMap(p);
    }
}
