package org.peersupport.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.stack.DeadLetterReplay.CommandLine;

/** The replay's command line, without a broker. */
class DeadLetterReplayCommandLineTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void groupNamesTheDeadLetterTopicAndTheReplayGroup() throws Exception {
        CommandLine cmd = parse(List.of("matching"), Map.of());
        assertThat(cmd.request().dlqTopic()).isEqualTo("peersupport.dlq.matching");
        assertThat(cmd.request().replayGroup()).isEqualTo("peersupport.replay.matching");
        assertThat(cmd.request().dryRun()).isFalse();
        assertThat(cmd.request().since()).isNull();
    }

    @Test
    void brokersComeFromTheFlagThenTheEnvironmentThenTheLocalStackPort() throws Exception {
        assertThat(parse(List.of("intake"), Map.of()).clientConfig())
                .containsEntry("bootstrap.servers", "127.0.0.1:9092");
        assertThat(parse(List.of("intake"), Map.of("PEER_PORT_KAFKA", "29092")).clientConfig())
                .containsEntry("bootstrap.servers", "127.0.0.1:29092");
        assertThat(parse(List.of("intake"), Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092")).clientConfig())
                .containsEntry("bootstrap.servers", "k1:9092,k2:9092");
        assertThat(parse(List.of("intake", "--bootstrap-servers=k3:9092"), Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092"))
                .clientConfig()).containsEntry("bootstrap.servers", "k3:9092");
    }

    @Test
    void commandConfigCarriesTheClusterSecuritySettings() throws Exception {
        Path file = root.resolve("client.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
        CommandLine cmd = parse(List.of("followup", "--command-config", file.toString()),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9093"));
        assertThat(cmd.clientConfig()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("bootstrap.servers", "k1:9093");
    }

    @Test
    void sinceTakesAnInstantOrAnAge() throws Exception {
        assertThat(parse(List.of("matching", "--since", "2h"), Map.of()).request().since())
                .isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
        assertThat(parse(List.of("matching", "--since=30m", "--dry-run"), Map.of()).request())
                .satisfies(r -> assertThat(r.dryRun()).isTrue())
                .satisfies(r -> assertThat(r.since()).isEqualTo(Instant.parse("2025-06-01T11:30:00Z")));
        assertThat(parse(List.of("--since", "2025-05-30T08:00:00Z", "matching"), Map.of()).request().since())
                .isEqualTo(Instant.parse("2025-05-30T08:00:00Z"));
        assertThatThrownBy(() -> parse(List.of("matching", "--since", "yesterday"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--since");
    }

    @Test
    void badCommandLinesAreRefusedWithExitCodeTwo() {
        assertThatThrownBy(() -> parse(List.of(), Map.of())).hasMessageContaining("missing GROUP");
        assertThatThrownBy(() -> parse(List.of("a", "b"), Map.of())).hasMessageContaining("unexpected argument: b");
        assertThatThrownBy(() -> parse(List.of("matching", "--force"), Map.of())).hasMessageContaining("--force");
        assertThatThrownBy(() -> parse(List.of("../etc"), Map.of())).hasMessageContaining("GROUP");
        assertThatThrownBy(() -> parse(List.of("matching", "--since"), Map.of())).hasMessageContaining("needs a value");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DeadLetterReplay.run(List.of(), Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: replay-dlq GROUP");
    }

    private CommandLine parse(List<String> args, Map<String, String> env) throws Exception {
        return DeadLetterReplay.parse(args, env, root, NOW);
    }
}
