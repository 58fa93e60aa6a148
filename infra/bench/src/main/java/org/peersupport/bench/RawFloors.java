package org.peersupport.bench;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * The floors every figure is held against, measured on the same machine in the same run: Kafka's own tools
 * ({@code kafka-e2e-latency} is {@code org.apache.kafka.tools.EndToEndLatency}, {@code kafka-producer-perf-test} is
 * {@code org.apache.kafka.tools.ProducerPerformance}, from {@code org.apache.kafka:kafka-tools} of the broker's
 * version), each in a JVM of its own as the shell scripts run them, and single-document writes to the store.
 */
final class RawFloors {

    /** One produce-and-consume hop: acks=all, as the services' producers. */
    record KafkaHop(int messages, double avgMs, double p50Ms, double p99Ms, double p999Ms) {
    }

    record ProducerThroughput(long records, double recordsPerSecond, double mbPerSecond, double p50Ms, double p99Ms) {
    }

    record StoreWrites(int writes, double writesPerSecond, Percentiles latency) {
    }

    private static final Pattern AVG = Pattern.compile("Avg latency: ([0-9.]+) ms");
    private static final Pattern PCT = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");
    private static final Pattern PERF = Pattern.compile(
            "(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), [0-9.]+ ms avg latency, [0-9.]+ ms max"
                    + " latency, (\\d+) ms 50th, \\d+ ms 95th, (\\d+) ms 99th");

    private RawFloors() {
    }

    static KafkaHop kafkaHop(String bootstrap, int messages, Path logDir) {
        String out = runTool(logDir.resolve("kafka-e2e-latency.log"), "org.apache.kafka.tools.EndToEndLatency",
                bootstrap, "bench.floor.latency", String.valueOf(messages), "all", "512");
        return parseHop(out, messages);
    }

    static ProducerThroughput producer(String bootstrap, long records, Path logDir) {
        String out = runTool(logDir.resolve("kafka-producer-perf-test.log"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", "bench.floor.throughput", "--num-records", String.valueOf(records), "--record-size", "512",
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all");
        return parsePerf(out);
    }

    static KafkaHop parseHop(String out, int messages) {
        Matcher avg = AVG.matcher(out);
        Matcher pct = PCT.matcher(out);
        if (!avg.find() || !pct.find()) {
            throw new IllegalStateException("kafka-e2e-latency printed no result:\n" + tail(out));
        }
        return new KafkaHop(messages, Double.parseDouble(avg.group(1)), Double.parseDouble(pct.group(1)),
                Double.parseDouble(pct.group(2)), Double.parseDouble(pct.group(3)));
    }

    static ProducerThroughput parsePerf(String out) {
        Matcher m = PERF.matcher(out);
        ProducerThroughput last = null;
        while (m.find()) {
            last = new ProducerThroughput(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)));
        }
        if (last == null) {
            throw new IllegalStateException("kafka-producer-perf-test printed no result:\n" + tail(out));
        }
        return last;
    }

    /**
     * Single-document writes as the services make them (one replace by {@code _id}, upserting, acknowledged), one
     * after the other on one connection: the floor of a service's own write.
     */
    static StoreWrites store(String mongoUri, int writes) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> docs = client.getDatabase("bench_floor").getCollection("writes")
                    .withWriteConcern(WriteConcern.ACKNOWLEDGED);
            String payload = "x".repeat(400);
            for (int i = 0; i < Math.min(200, writes); i++) { // warm-up: connection, JIT
                docs.replaceOne(new Document("_id", "warm-" + i), new Document("_id", "warm-" + i).append("p", payload),
                        new ReplaceOptions().upsert(true));
            }
            List<Double> millis = new ArrayList<>(writes);
            long t0 = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                String id = "w-" + t0 + "-" + i;
                long s = System.nanoTime();
                docs.replaceOne(new Document("_id", id), new Document("_id", id).append("p", payload).append("n", i),
                        new ReplaceOptions().upsert(true));
                millis.add((System.nanoTime() - s) / 1e6);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new StoreWrites(writes, writes / seconds, Percentiles.of(millis));
        }
    }

    private static String runTool(Path log, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        try {
            java.nio.file.Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish in 10 minutes; see " + log);
            }
            return java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(String out) {
        return out.length() > 2000 ? out.substring(out.length() - 2000) : out;
    }
}
