package org.peersupport.matching;

import java.util.ArrayList;
import java.util.List;
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

    /** Starts one on the shared broker and store; {@code properties} win over the test defaults (e.g. the database). */
    static MatchingInstance start(String... properties) {
        List<String> overrides = new ArrayList<>(List.of(properties));
        // On the command line, so the random port is known before the management port is worked out from it.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MatchingApplication.class)
                .initializers(new PeerSupportTestInitializer(),
                        applied -> TestPropertyValues.of(overrides).applyTo(applied))
                .run("--server.port=0");
        return new MatchingInstance(context);
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
