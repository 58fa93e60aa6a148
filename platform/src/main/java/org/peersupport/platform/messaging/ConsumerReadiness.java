package org.peersupport.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.core.env.Environment;

/**
 * Health indicator {@code consumers}, part of the readiness group: UP only once every consumer binding holds its
 * partitions and, for each configured topic, the consuming group has committed up to the end offsets the topic had
 * when the check began (a snapshot, so a busy topic cannot keep the service unready for ever). Once caught up it stays
 * UP until partitions are revoked. Admin answers are cached for a moment and bounded by a timeout, so a health call
 * never hangs on the broker.
 */
public class ConsumerReadiness implements KafkaBindingRebalanceListener, HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerReadiness.class);

    private final ObjectProvider<BindingService> bindings;
    private final LazyAdmin admin;
    private final List<String> caughtUpTopics;
    private final Duration cacheFor;
    private final Duration timeout;
    /** "binding topic" of every consumer, and whether it holds its assignment now. Written by consumer threads. */
    private final Map<String, Boolean> holding = new ConcurrentHashMap<>();
    /** Bumped by every revocation: a catch-up measured before one says nothing about after it. */
    private final AtomicLong generation = new AtomicLong();

    private Snapshot snapshot;
    private long caughtUpGeneration = -1;
    private long deadline;
    private Health cached;
    private long cachedUntil;

    public ConsumerReadiness(ObjectProvider<BindingService> bindings, Map<String, Object> adminSettings,
            List<String> caughtUpTopics, Duration cacheFor, Duration timeout) {
        this.bindings = bindings;
        this.admin = new LazyAdmin(adminSettings, timeout);
        this.caughtUpTopics = List.copyOf(caughtUpTopics);
        this.cacheFor = cacheFor;
        this.timeout = timeout;
    }

    /** The admin client settings of the Kafka binder: its brokers and the configuration common to its clients. */
    public static Map<String, Object> adminSettings(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> brokers = binder.bind("spring.cloud.stream.kafka.binder.brokers", Bindable.listOf(String.class))
                .orElseGet(() -> binder.bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                        .orElse(List.of("localhost:9092")));
        Map<String, Object> settings = new HashMap<>(binder.bind("spring.cloud.stream.kafka.binder.configuration",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", brokers));
        return settings;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions, boolean initial) {
        // Called after every rebalance, with an empty set too when the group has more members than partitions:
        // either way this consumer's assignment is settled.
        consumer.subscription().forEach(topic -> holding.put(key(bindingName, topic), true));
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        generation.incrementAndGet();
        consumer.subscription().forEach(topic -> holding.put(key(bindingName, topic), false));
    }

    @Override
    public synchronized Health health() {
        long now = System.nanoTime();
        if (cached == null || now - cachedUntil >= 0) {
            cached = check();
            cachedUntil = System.nanoTime() + cacheFor.toNanos();
        }
        return cached;
    }

    private Health check() {
        BindingService service = bindings.getIfAvailable();
        if (service == null) {
            return Health.up().build();
        }
        Map<String, String> groupOfTopic = new LinkedHashMap<>();
        List<String> waiting = new ArrayList<>();
        for (String name : service.getConsumerBindingNames()) {
            for (Binding<?> binding : service.getConsumerBindings(name)) {
                String key = key(name, binding.getName());
                if (!holding.getOrDefault(key, false)) {
                    waiting.add(key);
                }
                groupOfTopic.putIfAbsent(binding.getName(), service.getBindingServiceProperties().getGroup(name));
            }
        }
        if (!waiting.isEmpty()) {
            return Health.outOfService().withDetail("waitingForPartitions", waiting).build();
        }
        long current = generation.get();
        if (caughtUpTopics.isEmpty() || caughtUpGeneration == current) {
            return Health.up().withDetail("caughtUp", caughtUpTopics).build();
        }
        List<String> unconsumed = caughtUpTopics.stream().filter(topic -> groupOfTopic.get(topic) == null).toList();
        if (!unconsumed.isEmpty()) {
            return Health.outOfService().withDetail("notConsumed", unconsumed).build();
        }
        try {
            Map<String, Long> behind = behind(current, groupOfTopic);
            if (behind.values().stream().allMatch(lag -> lag == 0)) {
                if (generation.get() == current) {
                    caughtUpGeneration = current;
                }
                return Health.up().withDetail("caughtUp", caughtUpTopics).build();
            }
            return Health.outOfService().withDetail("behind", behind).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (ExecutionException | TimeoutException | RuntimeException failure) {
            Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            log.debug("consumer lag check failed ({})", cause.getClass().getSimpleName());
            return Health.down().withDetail("error", cause.getClass().getSimpleName()).build();
        }
    }

    /** Records not yet committed by the consuming group, per caught-up topic, up to the snapshot's end offsets. */
    private Map<String, Long> behind(long current, Map<String, String> groupOfTopic)
            throws InterruptedException, ExecutionException, TimeoutException {
        // One budget for every call of this check, so a slow broker costs a health call at most the timeout.
        deadline = System.nanoTime() + timeout.toNanos();
        if (snapshot == null || snapshot.generation() != current) {
            snapshot = takeSnapshot(current);
        }
        Map<String, Long> behind = new LinkedHashMap<>();
        for (String topic : caughtUpTopics) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.get()
                    .listConsumerGroupOffsets(groupOfTopic.get(topic)).partitionsToOffsetAndMetadata()
                    .get(remaining(), TimeUnit.NANOSECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : snapshot.ends().entrySet()) {
                if (!end.getKey().topic().equals(topic)) {
                    continue;
                }
                // A group that never committed starts at the earliest record still kept (auto.offset.reset=earliest).
                long start = snapshot.starts().getOrDefault(end.getKey(), 0L);
                OffsetAndMetadata offset = committed.get(end.getKey());
                long position = Math.max(start, offset == null ? 0 : offset.offset());
                lag += Math.max(0, end.getValue() - position);
            }
            behind.put(topic, lag);
        }
        return behind;
    }

    private Snapshot takeSnapshot(long current) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<String, KafkaFuture<TopicDescription>> topics = admin.get().describeTopics(caughtUpTopics)
                .topicNameValues();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : topics.entrySet()) {
            try {
                topic.getValue().get(remaining(), TimeUnit.NANOSECONDS).partitions().forEach(partition -> {
                    TopicPartition tp = new TopicPartition(topic.getKey(), partition.partition());
                    latest.put(tp, OffsetSpec.latest());
                    earliest.put(tp, OffsetSpec.earliest());
                });
            } catch (ExecutionException missing) {
                if (!(missing.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw missing;
                }
                // A topic nobody created yet holds nothing to catch up on.
            }
        }
        return new Snapshot(current, offsets(latest), offsets(earliest));
    }

    private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> request)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (request.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = admin.get().listOffsets(request).all()
                .get(remaining(), TimeUnit.NANOSECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private long remaining() throws TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException();
        }
        return left;
    }

    private static String key(String bindingName, String topic) {
        return bindingName + " " + topic;
    }

    @Override
    public void destroy() {
        admin.close();
    }

    private record Snapshot(long generation, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> starts) {
    }
}
