package org.peersupport.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.PeerSupportTestInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

/** A matching application started by a test as a process would start it, with what the test sets on top. */
final class MatchingInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private MatchingInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The consumer group setting; instances that are to share the work of one group set it to the same value. */
    static final String GROUP = "spring.cloud.stream.bindings.matchingEvents-in-0.group";

    /**
     * Starts one on the shared broker and store; {@code properties} win over the test defaults (e.g. the database).
     * Unless they name a consumer group, it gets one of its own, read from the topics' start: the test JVM may hold
     * other matching contexts (cached by Spring's test support) in the configured group, which would otherwise be
     * handed some of the partitions, and answer their events into their own databases.
     */
    static MatchingInstance start(String... properties) {
        List<String> overrides = new ArrayList<>(List.of(properties));
        if (overrides.stream().noneMatch(property -> property.startsWith(GROUP + "="))) {
            overrides.add(GROUP + "=" + group());
        }
        // On the command line, so the random port is known before the management port is worked out from it.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MatchingApplication.class)
                .initializers(new PeerSupportTestInitializer(),
                        applied -> TestPropertyValues.of(overrides).applyTo(applied))
                .run("--server.port=0");
        return new MatchingInstance(context);
    }

    /** A consumer group no other context in this JVM is in. */
    static String group() {
        return "matching-instance-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    Api api() {
        return Api.local(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    /** Where actuator answers: its own port when there is one, else the service's. */
    Api management() {
        Integer port = context.getEnvironment().getProperty("local.management.port", Integer.class);
        return port == null || port <= 0 ? api() : Api.local(port);
    }

    /** The readiness group's answer: 200 once ready, 503 before. */
    Api.Response readiness() {
        return management().get("/actuator/health/readiness", null);
    }

    @Override
    public void close() {
        context.close();
    }
}
