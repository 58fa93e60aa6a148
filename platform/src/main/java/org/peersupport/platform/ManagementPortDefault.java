package org.peersupport.platform;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Supplies {@code peersupport.management-port}, the default of {@code management.server.port}: the service's own
 * port plus {@value #OFFSET}, so actuator endpoints never share the public port and each service has its own.
 */
public class ManagementPortDefault implements EnvironmentPostProcessor, Ordered {

    /** Management port = server port + this (intake 8081 answers health and metrics on 9081). */
    public static final int OFFSET = 1000;

    static final String PROPERTY = "peersupport.management-port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        int serverPort = environment.getProperty("server.port", Integer.class, 8080);
        // A random server port (tests) gets a random management port of its own, never port 1000.
        int managementPort = serverPort <= 0 ? 0 : serverPort + OFFSET;
        environment.getPropertySources()
                .addLast(new MapPropertySource("peersupportManagementPort", Map.of(PROPERTY, managementPort)));
    }

    @Override
    public int getOrder() {
        // After the application's YAML is loaded, so its server.port is known.
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
