package org.peersupport.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    final Path root = Path.of("/tmp/checkout");

    @Test
    void defaults() {
        StackConfig c = StackConfig.defaults(root, Map.of());
        assertThat(c.stateDir()).isEqualTo(root.resolve(".peer"));
        assertThat(c.startTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(c.port("kafka")).isEqualTo(9092);
        assertThat(c.port("kafka-controller")).isEqualTo(9093);
        assertThat(c.port("mongo")).isEqualTo(27017);
        assertThat(c.port("issuer")).isEqualTo(9000);
        assertThat(c.port("console")).isEqualTo(8080);
        assertThat(c.port("intake")).isEqualTo(8081);
        assertThat(c.port("matching")).isEqualTo(8082);
        assertThat(c.port("followup")).isEqualTo(8083);
        assertThat(c.port("notification")).isEqualTo(8084);
        assertThat(c.port("training")).isEqualTo(8085);
        assertThat(c.ports()).containsOnlyKeys(StackConfig.PARTS);
    }

    @Test
    void environmentOverrides() {
        StackConfig c = StackConfig.defaults(root, Map.of(
                "PEER_PORT_INTAKE", "18081",
                "PEER_PORT_KAFKA", "19092",
                "PEER_STATE_DIR", "/var/tmp/peer-state",
                "PEER_START_TIMEOUT", "30"));
        assertThat(c.port("intake")).isEqualTo(18081);
        assertThat(c.port("kafka")).isEqualTo(19092);
        assertThat(c.port("kafka-controller")).isEqualTo(19093);
        assertThat(c.port("matching")).isEqualTo(8082);
        assertThat(c.stateDir()).isEqualTo(Path.of("/var/tmp/peer-state"));
        assertThat(c.startTimeout()).isEqualTo(Duration.ofSeconds(30));

        StackConfig ctl = StackConfig.defaults(root, Map.of("PEER_PORT_KAFKA_CONTROLLER", "29093"));
        assertThat(ctl.port("kafka")).isEqualTo(9092);
        assertThat(ctl.port("kafka-controller")).isEqualTo(29093);

        assertThat(StackConfig.defaults(root, Map.of("PEER_STATE_DIR", "state")).stateDir())
                .isEqualTo(root.resolve("state"));
        assertThatThrownBy(() -> StackConfig.defaults(root, Map.of("PEER_PORT_MONGO", "x")))
                .hasMessageContaining("PEER_PORT_MONGO");
    }

    @Test
    void withers() {
        StackConfig c = StackConfig.defaults(root, Map.of())
                .withPorts(Map.of("mongo", 1234, "kafka", 2000))
                .withStateDir(Path.of("/tmp/other"))
                .withExtraEnv("intake", Map.of("A", "1"))
                .withExtraEnv("intake", Map.of("B", "2"));
        assertThat(c.port("mongo")).isEqualTo(1234);
        assertThat(c.port("kafka-controller")).isEqualTo(2001);
        assertThat(c.port("issuer")).isEqualTo(9000);
        assertThat(c.stateDir()).isEqualTo(Path.of("/tmp/other"));
        assertThat(c.extraEnv("intake")).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "2"));
        assertThat(c.extraEnv("matching")).isEmpty();
        assertThat(c.withPorts(Map.of("kafka-controller", 3000)).port("kafka-controller")).isEqualTo(3000);

        assertThatThrownBy(() -> c.withPorts(Map.of("nope", 1))).hasMessageContaining("unknown part");
        assertThatThrownBy(() -> c.withPorts(Map.of("mongo", 70000))).hasMessageContaining("bad port");
        assertThatThrownBy(() -> c.withExtraEnv("nope", Map.of())).hasMessageContaining("unknown part");
    }

    @Test
    void managementPortsFollowTheServicePortUnlessSet() {
        StackConfig c = StackConfig.defaults(root, Map.of("PEER_PORT_MATCHING", "18082",
                "PEER_PORT_FOLLOWUP_MANAGEMENT", "19999"));
        assertThat(c.managementPort("console")).isEqualTo(9080);
        assertThat(c.managementPort("intake")).isEqualTo(9081);
        assertThat(c.managementPort("training")).isEqualTo(9085);
        assertThat(c.managementPort("matching")).isEqualTo(19082);
        assertThat(c.managementPort("followup")).isEqualTo(19999);
        assertThat(c.withPorts(Map.of("intake", 28081)).managementPort("intake")).isEqualTo(29081);
        assertThat(c.withPorts(Map.of("intake-management", 7000)).managementPort("intake")).isEqualTo(7000);

        assertThatThrownBy(() -> c.managementPort("kafka")).hasMessageContaining("not a service");
        assertThatThrownBy(() -> c.withPorts(Map.of("kafka-management", 1))).hasMessageContaining("unknown part");
        assertThat(StackConfig.envName("intake-management")).isEqualTo("PEER_PORT_INTAKE_MANAGEMENT");
    }

    @Test
    void envNames() {
        assertThat(StackConfig.envName("intake")).isEqualTo("PEER_PORT_INTAKE");
        assertThat(StackConfig.envName("kafka-controller")).isEqualTo("PEER_PORT_KAFKA_CONTROLLER");
    }
}
