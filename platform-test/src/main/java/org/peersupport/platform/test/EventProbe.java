package org.peersupport.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.EventType;
import org.peersupport.platform.messaging.EventCodec;

/**
 * Watches topics on the real broker, as another service would, and publishes events into them with CloudEvents
 * binary-mode headers. Records seen are kept raw so tests can look at headers and bytes.
 */
public final class EventProbe implements AutoCloseable {

    private final List<ConsumerRecord<byte[], byte[]>> seen = new CopyOnWriteArrayList<>();
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<byte[], byte[]> producer;
    private final Thread poller;
    private volatile boolean running = true;

    public EventProbe(String bootstrap, String... topics) {
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(producerProps);
        poller = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumer)) {
                kafka.subscribe(List.of(topics));
                while (running) {
                    kafka.poll(Duration.ofMillis(200)).forEach(seen::add);
                }
            }
        }, "event-probe");
        poller.setDaemon(true);
        poller.start();
    }

    private static volatile EventProbe shared;

    /** One probe on every topic of the shared broker per test JVM, closed with the JVM. */
    public static EventProbe shared() {
        if (shared == null) {
            synchronized (EventProbe.class) {
                if (shared == null) {
                    EventProbe probe = new EventProbe(SharedInfrastructure.get().kafkaBootstrap(),
                            org.peersupport.events.Topics.ALL.toArray(String[]::new));
                    Runtime.getRuntime().addShutdownHook(new Thread(probe::close, "event-probe-stop"));
                    shared = probe;
                }
            }
        }
        return shared;
    }

    /** A probe on one consumer group's dead-letter topic, read from its start; close it when done. */
    public static EventProbe deadLetters(String consumerGroup) {
        return new EventProbe(SharedInfrastructure.get().kafkaBootstrap(),
                org.peersupport.events.Topics.deadLetter(consumerGroup));
    }

    /** Waits for a record whose {@code ce_id} is this id, and returns it raw (headers included). */
    public ConsumerRecord<byte[], byte[]> awaitRecord(String eventId) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            found.clear();
            seen.stream().filter(r -> eventId.equals(header(r, "ce_id"))).forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** Waits for an event of this type that matches, and returns it decoded. */
    public <E extends DomainEvent> E await(Class<E> type, Predicate<E> matching) {
        return await(type, matching, Duration.ofSeconds(30));
    }

    public <E extends DomainEvent> E await(Class<E> type, Predicate<E> matching, Duration timeout) {
        List<E> found = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            found.clear();
            found.addAll(all(type, matching));
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** Every event of this type seen so far that matches. */
    public <E extends DomainEvent> List<E> all(Class<E> type, Predicate<E> matching) {
        EventType eventType = EventType.of(type);
        List<E> result = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : seen) {
            if (eventType.wireType().equals(header(record, "ce_type"))) {
                E event = type.cast(codec.decode(eventType, record.value()));
                if (matching.test(event)) {
                    result.add(event);
                }
            }
        }
        return result;
    }

    /** The raw records seen so far. */
    public List<ConsumerRecord<byte[], byte[]>> records() {
        return List.copyOf(seen);
    }

    /**
     * Publishes an event as its owning service would: binary-mode CloudEvent on its type's topic, keyed by subject,
     * with the {@code ce_source} of the service that owns that topic.
     */
    public void publish(DomainEvent event) {
        publishAs(EventType.of(event).source(), event);
    }

    /** Publishes an event under any {@code ce_source}, as a forger with write access to the topic could. */
    public void publishAs(String source, DomainEvent event) {
        publishAs(source, event, Map.of());
    }

    /** As {@link #publish(DomainEvent)}, with more headers (a {@code traceparent}, say). */
    public void publish(DomainEvent event, Map<String, String> moreHeaders) {
        publishAs(EventType.of(event).source(), event, moreHeaders);
    }

    private void publishAs(String source, DomainEvent event, Map<String, String> moreHeaders) {
        EventType type = EventType.of(event);
        Map<String, String> headers = new LinkedHashMap<>(Map.of("ce_specversion", "1.0",
                "ce_id", event.eventId(), "ce_type", type.wireType(), "ce_source", source,
                "ce_time", event.occurredAt().toString(), "ce_subject", event.subject(),
                "content-type", "application/json"));
        headers.putAll(moreHeaders);
        publishRaw(type.topic(), event.subject(), codec.encodeToString(event).getBytes(StandardCharsets.UTF_8),
                headers);
    }

    /** Publishes a record as given, and says where the broker put it. */
    public RecordMetadata publishRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        producer.close(Duration.ofSeconds(2));
    }
}
