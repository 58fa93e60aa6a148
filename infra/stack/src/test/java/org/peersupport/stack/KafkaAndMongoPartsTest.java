package org.peersupport.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real broker and store, each its own process, started through {@link LocalStack} on free ports in a
 * temporary state folder.
 */
class KafkaAndMongoPartsTest {

    static Path state;
    static LocalStack stack;

    @BeforeAll
    static void up() throws IOException {
        state = Files.createTempDirectory("peer-stack-test");
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        Map<String, Integer> ports = new HashMap<>();
        int[] free = FreePorts.take(3);
        ports.put("kafka", free[0]);
        ports.put("kafka-controller", free[1]);
        ports.put("mongo", free[2]);
        stack = new LocalStack(StackConfig.defaults(root, Map.of()).withStateDir(state).withPorts(ports)
                .withStartTimeout(Duration.ofSeconds(60)));
        stack.up(List.of("kafka", "mongo"));
    }

    @AfterAll
    static void down() throws IOException {
        if (stack != null) {
            stack.down();
            assertThat(stack.status()).allSatisfy((p, s) -> assertThat(s).isEqualTo(LocalStack.STOPPED));
        }
        if (state != null) {
            try (var files = Files.walk(state)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void kafkaAndMongoSurviveRestarts() throws Exception {
        Map<String, String> status = stack.status();
        assertThat(status).containsEntry("kafka", LocalStack.HEALTHY).containsEntry("mongo", LocalStack.HEALTHY)
                .containsEntry("issuer", LocalStack.STOPPED);
        assertThat(stack.logFile("kafka")).exists();
        assertThat(state.resolve("run/kafka.pid")).exists();
        assertThat(state.resolve("data/kafka/server.properties")).exists();

        // up again is a no-op: same processes
        long kafkaPid = stack.pid("kafka").orElseThrow();
        long mongoPid = stack.pid("mongo").orElseThrow();
        stack.up(List.of("kafka", "mongo"));
        assertThat(stack.pid("kafka")).contains(kafkaPid);
        assertThat(stack.pid("mongo")).contains(mongoPid);

        // a record through the broker (auto-created topic, 3 partitions)
        assertThat(produce("stack-test", "k", "v").topic()).isEqualTo("stack-test");

        // a document through the MongoDB wire
        try (MongoClient client = MongoClients.create(stack.url("mongo"))) {
            // what Spring Boot's MongoDB health indicator sends
            assertThat(client.getDatabase("admin").runCommand(new Document("hello", 1)).get("ok"))
                    .isIn(1, 1.0);
            collection(client).insertOne(new Document("_id", "doc-1").append("text", "survives"));
        }

        // MongoDB stopped gracefully and the broker killed, then both started again side by side
        String clusterId = Files.readString(state.resolve("data/kafka/cluster.id")).trim();
        stack.stop("mongo");
        stack.kill("kafka");
        assertThat(stack.status()).containsEntry("mongo", LocalStack.STOPPED).containsEntry("kafka", LocalStack.STOPPED);
        assertThat(ProcessHandle.of(mongoPid)).isEmpty();
        assertThat(ProcessHandle.of(kafkaPid)).isEmpty();
        assertThat(state.resolve("run/mongo.pid")).doesNotExist();
        stack.up(List.of("kafka", "mongo"));
        assertThat(stack.status()).containsEntry("mongo", LocalStack.HEALTHY).containsEntry("kafka", LocalStack.HEALTHY);
        assertThat(stack.pid("mongo")).isPresent().get().isNotEqualTo(mongoPid);

        // the document is still there
        try (MongoClient client = MongoClients.create(stack.url("mongo"))) {
            Document back = collection(client).find(new Document("_id", "doc-1")).first();
            assertThat(back).isNotNull();
            assertThat(back.getString("text")).isEqualTo("survives");
        }

        // the broker kept its cluster (no re-format) and its topic
        assertThat(Files.readString(state.resolve("data/kafka/cluster.id")).trim()).isEqualTo(clusterId);
        assertThat(Files.readString(stack.logFile("kafka"))).containsOnlyOnce("formatting Kafka storage");
        assertThat(produce("stack-test", "k", "v2").offset()).isEqualTo(1);
    }

    @Test
    void writesTheStoreAcknowledgedSurviveASigkillOfTheStore() {
        try (MongoClient client = MongoClients.create(stack.url("mongo"))) {
            MongoCollection<Document> acknowledged = client.getDatabase("stacktest").getCollection("acknowledged");
            for (int i = 0; i < 200; i++) {
                acknowledged.insertOne(new Document("_id", "w-" + i));
                acknowledged.updateOne(new Document("_id", "w-" + i), new Document("$set", new Document("n", i)));
            }
        }
        // No graceful close: whatever the store answered must already be in its file.
        stack.kill("mongo");
        stack.up(List.of("mongo"));

        try (MongoClient client = MongoClients.create(stack.url("mongo"))) {
            MongoCollection<Document> acknowledged = client.getDatabase("stacktest").getCollection("acknowledged");
            assertThat(acknowledged.countDocuments()).isEqualTo(200);
            assertThat(acknowledged.find(new Document("_id", "w-199")).first().getInteger("n")).isEqualTo(199);
        }
    }

    private static RecordMetadata produce(String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.url("kafka"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("stacktest").getCollection("things");
    }
}
