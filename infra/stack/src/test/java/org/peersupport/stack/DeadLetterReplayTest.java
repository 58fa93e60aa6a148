package org.peersupport.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peersupport.stack.DeadLetterReplay.Request;
import org.peersupport.stack.DeadLetterReplay.Route;
import org.peersupport.stack.DeadLetterReplay.Summary;

/**
 * The replay against the real broker (its own process, started through {@link LocalStack}), with dead letters
 * shaped as the Spring Cloud Stream Kafka binder writes them.
 */
class DeadLetterReplayTest {

    static final String TYPE = "peersupport.replaytest.happened.v1";
    static final String SECRET_VALUE = "{\"note\":\"payload-that-must-never-be-printed\"}";

    static Path state;
    static LocalStack stack;
    static String bootstrap;

    @BeforeAll
    static void up() throws Exception {
        state = Files.createTempDirectory("peer-replay-test");
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        int[] free = FreePorts.take(2);
        stack = new LocalStack(StackConfig.defaults(root, Map.of()).withStateDir(state)
                .withPorts(Map.of("kafka", free[0], "kafka-controller", free[1]))
                .withStartTimeout(Duration.ofSeconds(90)));
        stack.up(List.of("kafka"));
        bootstrap = stack.url("kafka");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                    new NewTopic("peersupport.replaytest.v1", 3, (short) 1),
                    new NewTopic("peersupport.dlq.replaytest", 3, (short) 1),
                    new NewTopic("peersupport.sincetest.v1", 1, (short) 1),
                    new NewTopic("peersupport.dlq.sincetest", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void down() throws IOException {
        if (stack != null) {
            stack.down();
        }
        if (state != null) {
            try (var files = Files.walk(state)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void replaysEachDeadLetterOnceToItsOriginalTopicWithoutTheFailureHeaders() throws Exception {
        String dlq = "peersupport.dlq.replaytest";
        String original = "peersupport.replaytest.v1";
        for (int i = 1; i <= 3; i++) {
            deadLetter(dlq, i % 3, "key-" + i, SECRET_VALUE, "event-" + i, original, 0L);
        }
        deadLetter(dlq, 0, "key-no-origin", SECRET_VALUE, "event-4", null, 0L);
        deadLetter(dlq, 1, "key-foreign", SECRET_VALUE, "event-5", "billing.invoices", 0L);
        deadLetter(dlq, 2, "key-dlq", SECRET_VALUE, "event-6", "peersupport.dlq.other", 0L);
        deadLetter(dlq, 2, "key-missing", SECRET_VALUE, "event-7", "peersupport.missing.v1", 0L);
        // A redacted letter (a hospital system's refused trigger) names its topic but holds nothing to send back.
        deadLetter(dlq, 0, "key-redacted", "", "event-8", original, 0L);

        // A dry run counts by topic and type, publishes nothing and commits nothing.
        Summary dry = replay(new Request("replaytest", true, null));
        assertThat(dry.replayed()).containsExactly(Map.entry(new Route(original, TYPE), 3L));
        assertThat(dry.skippedCount()).isEqualTo(5);
        assertThat(endOffsetTotal(original)).isZero();
        assertThat(replay(new Request("replaytest", true, null)).replayedCount()).isEqualTo(3);

        Summary first = replay(new Request("replaytest", false, null));
        assertThat(first.replayedByTopic()).containsExactly(Map.entry(original, 3L));
        assertThat(first.skipped()).containsOnly(
                Map.entry(DeadLetterReplay.NO_ORIGINAL_TOPIC, 1L),
                Map.entry(DeadLetterReplay.OUTSIDE_NAMESPACE, 2L),
                Map.entry(DeadLetterReplay.UNKNOWN_TOPIC, 1L),
                Map.entry(DeadLetterReplay.REDACTED_LETTER, 1L));
        assertThat(first.skippedRecords()).hasSize(5)
                .anySatisfy(r -> assertThat(r).matches("peersupport\\.dlq\\.replaytest-0@\\d+: no x-original-topic.*"));
        assertThat(String.join("\n", first.lines())).contains("replayed 3, skipped 5")
                .doesNotContain("payload-that-must-never-be-printed").doesNotContain("key-1");

        List<ConsumerRecord<byte[], byte[]>> back = readAll(original, 3);
        assertThat(back).extracting(r -> text(r.key())).containsExactlyInAnyOrder("key-1", "key-2", "key-3");
        for (ConsumerRecord<byte[], byte[]> r : back) {
            String n = text(r.key()).substring("key-".length());
            assertThat(text(r.value())).isEqualTo(SECRET_VALUE);
            assertThat(headers(r)).containsExactly(
                    Map.entry("ce_specversion", "1.0"),
                    Map.entry("ce_id", "event-" + n),
                    Map.entry("ce_type", TYPE),
                    Map.entry("ce_source", "/test"),
                    Map.entry("ce_subject", "subject-" + n),
                    Map.entry("ce_correlationid", "corr-" + n),
                    Map.entry("content-type", "application/json"),
                    Map.entry(DeadLetterReplay.REPLAYED_FROM,
                            dlq + "-" + Integer.parseInt(n) % 3 + "@" + dlqOffset(r)));
        }

        // Running again publishes nothing: the replay group's committed offsets are past every record.
        Summary second = replay(new Request("replaytest", false, null));
        assertThat(second.replayedCount()).isZero();
        assertThat(second.skippedCount()).isZero();
        assertThat(endOffsetTotal(original)).isEqualTo(3);

        // A letter that arrives later is replayed by the next run, alone.
        deadLetter(dlq, 1, "key-8", SECRET_VALUE, "event-8", original, 0L);
        assertThat(replay(new Request("replaytest", false, null)).replayed())
                .containsExactly(Map.entry(new Route(original, TYPE), 1L));
        assertThat(endOffsetTotal(original)).isEqualTo(4);
    }

    @Test
    void sinceLeavesOlderDeadLettersAlone() throws Exception {
        String dlq = "peersupport.dlq.sincetest";
        String original = "peersupport.sincetest.v1";
        long threeHoursAgo = Instant.now().minus(Duration.ofHours(3)).toEpochMilli();
        deadLetter(dlq, 0, "old-1", SECRET_VALUE, "old-1", original, threeHoursAgo);
        deadLetter(dlq, 0, "old-2", SECRET_VALUE, "old-2", original, threeHoursAgo);
        deadLetter(dlq, 0, "new-1", SECRET_VALUE, "new-1", original, 0L);

        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        assertThat(replay(new Request("sincetest", false, anHourAgo)).replayedCount()).isEqualTo(1);
        assertThat(readAll(original, 1)).extracting(r -> text(r.key())).containsExactly("new-1");
        assertThat(replay(new Request("sincetest", false, null)).replayedCount()).isZero();
        assertThat(endOffsetTotal(original)).isEqualTo(1);
    }

    @Test
    void anUnknownGroupIsRefusedNamingTheDeadLetterTopics() {
        assertThatThrownBy(() -> replay(new Request("nosuchgroup", false, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no topic peersupport.dlq.nosuchgroup")
                .hasMessageContaining("peersupport.dlq.replaytest");
    }

    @Test
    void theCommandPrintsCountsAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DeadLetterReplay.run(List.of("sincetest", "--dry-run", "--bootstrap-servers", bootstrap), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Counting peersupport.dlq.sincetest on " + bootstrap)
                .contains("peersupport.replay.sincetest").doesNotContain("payload-that-must-never-be-printed");
    }

    private static Summary replay(Request request) {
        return new DeadLetterReplay(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)).replay(request);
    }

    /** A record as the binder dead-letters it: the original headers, then its x-original-* and x-exception-*. */
    private static void deadLetter(String dlq, int partition, String key, String value, String eventId,
            String originalTopic, long timestamp) throws Exception {
        String n = eventId.replaceAll("\\D", "");
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", bytes("1.0"));
        h.add("ce_id", bytes(eventId));
        h.add("ce_type", bytes(TYPE));
        h.add("ce_source", bytes("/test"));
        h.add("ce_subject", bytes("subject-" + n));
        h.add("ce_correlationid", bytes("corr-" + n));
        h.add("content-type", bytes("application/json"));
        if (key.equals("key-redacted")) {
            h.add(DeadLetterReplay.REDACTED, bytes("true"));
        }
        if (originalTopic != null) {
            h.add("x-original-topic", bytes(originalTopic));
        }
        h.add("x-original-partition", ByteBuffer.allocate(4).putInt(partition).array());
        h.add("x-original-offset", ByteBuffer.allocate(8).putLong(42).array());
        h.add("x-original-timestamp", ByteBuffer.allocate(8).putLong(timestamp).array());
        h.add("x-original-timestamp-type", bytes("CreateTime"));
        h.add("x-exception-fqcn", bytes("org.peersupport.platform.messaging.EventHandlingFailedException"));
        h.add("x-exception-message", bytes("handling " + TYPE + " " + eventId + " failed"));
        h.add("x-exception-stacktrace", bytes("EventHandlingFailedException: handling failed\n\tat Test"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(dlq, partition, timestamp == 0L ? null : timestamp, key, value, h))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(records).hasSizeGreaterThanOrEqualTo(expected);
            });
        }
        assertThat(records).hasSize(expected);
        return records;
    }

    private static long endOffsetTotal(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }

    /** Every header in order, duplicates kept. */
    private static List<Map.Entry<String, String>> headers(ConsumerRecord<byte[], byte[]> r) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        for (Header header : r.headers()) {
            h.add(Map.entry(header.key(), text(header.value())));
        }
        return h;
    }

    /** The dead-letter offset the replayed record names (the rest of that header is asserted in full). */
    private static String dlqOffset(ConsumerRecord<byte[], byte[]> r) {
        String from = text(r.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM).value());
        assertThat(from).matches(".*@\\d+");
        return from.substring(from.lastIndexOf('@') + 1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
