package org.peersupport.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command lines, environment and URLs, without starting anything. */
class LocalStackCommandTest {

    @TempDir
    Path root;

    LocalStack stack() {
        return new LocalStack(StackConfig.defaults(root, Map.of())
                .withPorts(Map.of("intake", 18081))
                .withExtraEnv("intake", Map.of("PEERSUPPORT_EXTRA", "yes")));
    }

    @Test
    void urls() {
        LocalStack s = stack();
        assertThat(s.url("kafka")).isEqualTo("127.0.0.1:9092");
        assertThat(s.url("mongo")).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(s.url("issuer")).isEqualTo("http://127.0.0.1:9000");
        assertThat(s.url("intake")).isEqualTo("http://127.0.0.1:18081");
        assertThat(s.managementUrl("intake")).isEqualTo("http://127.0.0.1:19081");
        assertThat(s.managementUrl("console")).isEqualTo("http://127.0.0.1:9080");
        assertThat(s.managementUrl("issuer")).isEqualTo("http://127.0.0.1:9000");
        assertThat(s.logFile("intake")).isEqualTo(root.resolve(".peer/logs/intake.log"));
        assertThatThrownBy(() -> s.url("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serviceCommandAndEnvironment() {
        LocalStack s = stack();
        List<String> cmd = s.command("intake");
        assertThat(cmd).containsSubsequence("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k")
                .contains("-Dpeersupport.part=intake", "-Dpeersupport.state=" + root.resolve(".peer"))
                .endsWith("-jar", root.resolve("intake-service/target/intake-service-0.1.0-SNAPSHOT-exec.jar").toString());

        Map<String, String> env = s.environment("intake");
        assertThat(env).containsEntry("SERVER_PORT", "18081")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27017")
                .containsEntry("JWT_ISSUER_URI", "http://127.0.0.1:9000")
                .containsEntry("JWT_JWK_SET_URI", "http://127.0.0.1:9000/oauth2/jwks")
                .containsEntry("PEERSUPPORT_DATA_DIR", root.resolve(".peer/data/intake").toString())
                .containsEntry("PEERSUPPORT_DEMO_ENABLED", "true")
                .containsEntry("PEERSUPPORT_URL_INTAKE", "http://127.0.0.1:18081")
                .containsEntry("PEERSUPPORT_URL_CONSOLE", "http://127.0.0.1:8080")
                .containsEntry("PEERSUPPORT_URL_KAFKA", "127.0.0.1:9092")
                .containsEntry("PEERSUPPORT_EXTRA", "yes")
                .containsEntry("PEERSUPPORT_WEB_ALLOWED_ORIGINS", "http://127.0.0.1:8080,http://localhost:8080")
                .containsEntry("MANAGEMENT_PORT", "19081")
                .containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("PEERSUPPORT_MANAGEMENT_URL_INTAKE", "http://127.0.0.1:19081")
                .containsEntry("PEERSUPPORT_MANAGEMENT_URL_TRAINING", "http://127.0.0.1:9085")
                .containsEntry("PEERSUPPORT_MANAGEMENT_URL_ISSUER", "http://127.0.0.1:9000")
                .doesNotContainKey("PEERSUPPORT_MANAGEMENT_URL_KAFKA");
        assertThat(s.environment("matching")).doesNotContainKey("PEERSUPPORT_EXTRA");
    }

    @Test
    void issuerCommandAndEnvironment() {
        LocalStack s = stack();
        assertThat(s.command("issuer"))
                .endsWith("-jar", root.resolve("infra/issuer/target/issuer-0.1.0-SNAPSHOT-exec.jar").toString());
        assertThat(s.environment("issuer")).containsEntry("SERVER_PORT", "9000")
                .containsEntry("ISSUER_URI", "http://127.0.0.1:9000")
                .containsEntry("ISSUER_KEY_DIR", root.resolve(".peer/data/issuer").toString())
                .containsEntry("ISSUER_CONSOLE_ORIGINS", "http://127.0.0.1:8080,http://localhost:8080")
                .doesNotContainKey("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void upNamesTheMissingJars() {
        LocalStack s = stack();
        assertThatThrownBy(() -> s.up(List.of("issuer", "intake")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("infra/issuer/target/issuer-0.1.0-SNAPSHOT-exec.jar")
                .hasMessageContaining("intake-service/target/intake-service-0.1.0-SNAPSHOT-exec.jar");
        assertThatThrownBy(s::up).hasMessageContaining("infra/stack/target/classpath.txt");
    }

    @Test
    void statusOfAnEmptyStateFolderIsAllStopped() {
        assertThat(stack().status()).containsOnlyKeys(StackConfig.PARTS).allSatisfy((p, s) ->
                assertThat(s).isEqualTo(LocalStack.STOPPED));
    }
}
