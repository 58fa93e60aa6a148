package org.peersupport.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.peersupport.platform.BackgroundWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.core.env.Environment;

/**
 * What waits on Kafka for this service's consumer groups, measured every {@code interval} in the background (so a
 * scrape never waits on the broker) and kept as gauges:
 * <ul>
 * <li>{@code peersupport.dlq.depth} (tag {@code group}): records on the group's dead-letter topic not yet passed by
 * its replay ({@code ./peer replay-dlq}, whose progress is the committed offsets of {@code peersupport.replay.<group>}),
 * so it goes back to 0 once the letters are replayed or skipped;</li>
 * <li>{@code peersupport.consumer.lag} (tags {@code group}, {@code topic}): records not yet committed by the
 * group.</li>
 * </ul>
 * A broker that does not answer leaves the last figures in place and is logged at debug; a topic not yet created
 * counts 0.
 */
public class KafkaBacklog extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(KafkaBacklog.class);

    private final ObjectProvider<BindingService> bindings;
    private final Environment environment;
    private final LazyAdmin admin;
    private final MeterRegistry meters;
    private final Duration interval;
    private final Duration timeout;
    private final Map<List<String>, AtomicLong> gauges = new ConcurrentHashMap<>();

    public KafkaBacklog(ObjectProvider<BindingService> bindings, Environment environment,
            Map<String, Object> adminSettings, MeterRegistry meters, Duration interval, Duration timeout) {
        super("kafka-backlog");
        this.bindings = bindings;
        this.environment = environment;
        this.admin = new LazyAdmin(adminSettings, timeout);
        this.meters = meters;
        this.interval = interval;
        this.timeout = timeout;
    }

    /** The dead-letter topic of a consumer binding: its {@code dlq-name}, else the platform's convention. */
    static String deadLetterTopic(Environment environment, String bindingName, String group) {
        return environment.getProperty("spring.cloud.stream.kafka.bindings." + bindingName + ".consumer.dlq-name",
                "peersupport.dlq." + group);
    }

    @Override
    protected Duration runOnce() {
        try {
            measure();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            admin.close();
        } catch (ExecutionException | TimeoutException | RuntimeException failure) {
            if (isRunning()) {
                Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                log.debug("Kafka backlog not measured ({})", cause.getClass().getSimpleName());
            }
        }
        return interval;
    }

    /** One measurement of every group's lag and dead-letter depth. */
    void measure() throws InterruptedException, ExecutionException, TimeoutException {
        BindingService service = bindings.getIfAvailable();
        if (service == null) {
            return;
        }
        Map<String, Set<String>> topicsOfGroup = new LinkedHashMap<>();
        Map<String, String> deadLetterOfGroup = new LinkedHashMap<>();
        for (String name : service.getConsumerBindingNames()) {
            String group = service.getBindingServiceProperties().getGroup(name);
            if (group == null || group.isBlank()) {
                continue;
            }
            for (Binding<?> binding : service.getConsumerBindings(name)) {
                topicsOfGroup.computeIfAbsent(group, g -> new TreeSet<>()).add(binding.getName());
            }
            deadLetterOfGroup.putIfAbsent(group, deadLetterTopic(environment, name, group));
        }
        for (Map.Entry<String, Set<String>> entry : topicsOfGroup.entrySet()) {
            String group = entry.getKey();
            Map<TopicPartition, Long> ends = offsets(entry.getValue(), OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            Map<TopicPartition, Long> starts = offsets(entry.getValue(), OffsetSpec.earliest());
            for (String topic : entry.getValue()) {
                set("peersupport.consumer.lag", List.of("group", group, "topic", topic),
                        behind(topic, ends, starts, committed));
            }
            String deadLetters = deadLetterOfGroup.get(group);
            Map<TopicPartition, Long> letterEnds = offsets(Set.of(deadLetters), OffsetSpec.latest());
            Map<TopicPartition, Long> letterStarts = offsets(Set.of(deadLetters), OffsetSpec.earliest());
            set("peersupport.dlq.depth", List.of("group", group),
                    behind(deadLetters, letterEnds, letterStarts, committed("peersupport.replay." + group)));
        }
    }

    /** Records of {@code topic} past what was committed (or, with nothing committed, past the earliest kept). */
    static long behind(String topic, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> starts,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (!end.getKey().topic().equals(topic)) {
                continue;
            }
            OffsetAndMetadata offset = committed.get(end.getKey());
            long position = Math.max(starts.getOrDefault(end.getKey(), 0L), offset == null ? 0 : offset.offset());
            behind += Math.max(0, end.getValue() - position);
        }
        return behind;
    }

    private void set(String name, List<String> tags, long value) {
        List<String> key = new ArrayList<>(tags);
        key.add(0, name);
        gauges.computeIfAbsent(List.copyOf(key), k -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder(name, holder, AtomicLong::get).tags(tags.toArray(String[]::new))
                    .description(name.equals("peersupport.dlq.depth")
                            ? "records on the group's dead-letter topic not yet replayed or skipped"
                            : "records on the topic not yet committed by the group")
                    .register(meters);
            return holder;
        }).set(value);
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.get().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                present.put(partition, offset);
            }
        });
        return present;
    }

    private Map<TopicPartition, Long> offsets(Collection<String> topics, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        Map<String, KafkaFuture<TopicDescription>> described = admin.get().describeTopics(topics).topicNameValues();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : described.entrySet()) {
            try {
                topic.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS).partitions().forEach(partition ->
                        request.put(new TopicPartition(topic.getKey(), partition.partition()), spec));
            } catch (ExecutionException missing) {
                if (!(missing.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw missing;
                }
                // Not created yet (no letter was ever written): nothing waits on it.
            }
        }
        if (request.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.get().listOffsets(request).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }



    @Override
    public void stop() {
        super.stop();
        admin.close();
    }
}
