package org.peersupport.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the services' topics as any consumer could, with a fresh group, to see when each event was decided and sent. */
final class Topics {

    static final String INTAKE = "peersupport.intake.v1";
    static final String MATCHING = "peersupport.matching.v1";
    static final String FOLLOWUP = "peersupport.followup.v1";

    /** One event as it is on the topic: its type, id, decision time ({@code ce_time}), send time (record timestamp). */
    record Event(String topic, String type, String id, String time, long sentAtMillis, String data) {
    }

    private Topics() {
    }

    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** Every record on the topics from the beginning, until three polls in a row bring nothing (at most 3 minutes). */
    static List<Event> all(String bootstrap, List<String> topics) {
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            int empty = 0;
            while (System.nanoTime() < deadline && (events.isEmpty() || empty < 3)) {
                var batch = consumer.poll(Duration.ofSeconds(1));
                batch.forEach(r -> events.add(event(r)));
                empty = batch.isEmpty() ? empty + 1 : 0;
            }
        }
        return events;
    }

    static Event event(ConsumerRecord<byte[], byte[]> r) {
        return new Event(r.topic(), header(r, "ce_type"), header(r, "ce_id"), header(r, "ce_time"), r.timestamp(),
                r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8));
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
