package org.peersupport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ManagementPortDefaultTest {

    static final String MANAGEMENT_PORT = "${MANAGEMENT_PORT:${peersupport.management-port}}";

    static MockEnvironment processed(MockEnvironment environment) {
        new ManagementPortDefault().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void managementAnswersOnTheServicePortPlusAThousand() {
        MockEnvironment environment = processed(new MockEnvironment().withProperty("server.port", "8081"));
        assertThat(environment.resolvePlaceholders(MANAGEMENT_PORT)).isEqualTo("9081");
    }

    @Test
    void aRandomServicePortGetsARandomManagementPortNotAFixedOne() {
        MockEnvironment environment = processed(new MockEnvironment().withProperty("server.port", "0"));
        assertThat(environment.resolvePlaceholders(MANAGEMENT_PORT)).isEqualTo("0");
    }

    @Test
    void anExplicitManagementPortWins() {
        MockEnvironment environment = processed(new MockEnvironment().withProperty("server.port", "8081")
                .withProperty("MANAGEMENT_PORT", "7001"));
        assertThat(environment.resolvePlaceholders(MANAGEMENT_PORT)).isEqualTo("7001");
    }
}
