package org.peersupport.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-publishes the records of a consumer group's dead-letter topic ({@code peersupport.dlq.GROUP}) to the topics
 * they came from, once the cause is fixed.
 *
 * <p>The run is bounded: it reads up to the dead-letter topic's end offsets as they were when it started. Each
 * record goes back with its key, value and headers (CloudEvents {@code ce_*}, correlation id), without the binder's
 * {@code x-exception-*} and {@code x-original-*} headers, plus {@code peersupport_replayed_from}; it is sent by an
 * idempotent {@code acks=all} producer, and only after the broker's ack is its dead-letter offset committed for the
 * consumer group {@code peersupport.replay.GROUP}. A second run therefore starts after the last replayed record. A
 * crash between the ack and the commit re-publishes that one record on the next run, which consumers drop by its
 * event id. Records without an original topic, or naming one outside {@code peersupport.*} or one that does not
 * exist, are skipped and counted, never guessed; their offsets are committed like the others.
 *
 * <p>Command line: {@code GROUP [--dry-run] [--since TIME] [--bootstrap-servers HOSTS] [--command-config FILE]}.
 */
public final class DeadLetterReplay {

    /** The binder's dead-letter headers (KafkaMessageChannelBinder.X_ORIGINAL_TOPIC and friends). */
    static final String ORIGINAL_TOPIC = "x-original-topic";
    static final List<String> DEAD_LETTER_HEADER_PREFIXES = List.of("x-exception-", "x-original-");
    static final String REPLAYED_FROM = "peersupport_replayed_from";
    static final String CE_TYPE = "ce_type";
    static final String DLQ_PREFIX = "peersupport.dlq.";
    static final String REPLAY_GROUP_PREFIX = "peersupport.replay.";

    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9._-]{0,100}");
    private static final Pattern NAMESPACE_TOPIC = Pattern.compile("peersupport\\.[a-zA-Z0-9._-]{1,200}");
    private static final Pattern PRINTABLE_TYPE = Pattern.compile("[A-Za-z0-9._:-]{1,120}");
    private static final Pattern AGO = Pattern.compile("(\\d{1,9})([smhd])");
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);
    /** A run that reads nothing new for this long while records remain (broker gone) gives up. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    static final String NO_ORIGINAL_TOPIC = "no " + ORIGINAL_TOPIC + " header";
    /** Set by the platform's RedactedDeadLetters: the letter holds nothing to replay; the producer resends. */
    static final String REDACTED = "peersupport_redacted";
    static final String REDACTED_LETTER = "redacted: a record from outside the network, refused; its producer must send"
            + " it again";
    static final String OUTSIDE_NAMESPACE = "original topic outside peersupport.* (or a dead-letter topic)";
    static final String UNKNOWN_TOPIC = "original topic does not exist";

    private final Map<String, Object> clientConfig;

    /** {@code clientConfig} holds at least {@code bootstrap.servers}, plus any security settings of the cluster. */
    public DeadLetterReplay(Map<String, Object> clientConfig) {
        if (!clientConfig.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("no " + CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        }
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /** What a run asks for; {@code since} may be null (every record not yet replayed). */
    public record Request(String group, boolean dryRun, Instant since) {
        public Request {
            if (group == null || !GROUP.matcher(group).matches()) {
                throw new IllegalArgumentException("GROUP must be a consumer group name such as 'matching', not '"
                        + group + "'");
            }
        }

        String dlqTopic() {
            return DLQ_PREFIX + group;
        }

        String replayGroup() {
            return REPLAY_GROUP_PREFIX + group;
        }
    }

    /** Where records went (or would go, on a dry run): original topic and CloudEvents type. */
    public record Route(String topic, String ceType) implements Comparable<Route> {
        @Override
        public int compareTo(Route o) {
            int c = topic.compareTo(o.topic);
            return c != 0 ? c : ceType.compareTo(o.ceType);
        }
    }

    /** Counts of one run; {@code skippedRecords} name each skipped record by DLQ partition and offset only. */
    public record Summary(String dlqTopic, boolean dryRun, Map<Route, Long> replayed, Map<String, Long> skipped,
            List<String> skippedRecords) {

        public long replayedCount() {
            return replayed.values().stream().mapToLong(Long::longValue).sum();
        }

        public long skippedCount() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Records per original topic. */
        public Map<String, Long> replayedByTopic() {
            Map<String, Long> byTopic = new TreeMap<>();
            replayed.forEach((route, n) -> byTopic.merge(route.topic(), n, Long::sum));
            return byTopic;
        }

        /** The report printed by the command: counts, topics, types and offsets, never a key, value or message. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "%s: %s %d, skipped %d%s", dlqTopic,
                    dryRun ? "would replay" : "replayed", replayedCount(), skippedCount(),
                    dryRun ? " (dry run: nothing published, no offset committed)" : ""));
            replayed.forEach((route, n) -> out.add(String.format(Locale.ROOT, "  %-8s %-36s %-44s %d",
                    dryRun ? "to" : "replayed", route.topic(), route.ceType(), n)));
            skipped.forEach((reason, n) ->
                    out.add(String.format(Locale.ROOT, "  %-8s %-81s %d", "skipped", reason, n)));
            skippedRecords.stream().limit(50).forEach(r -> out.add("    " + r));
            if (skippedRecords.size() > 50) {
                out.add("    … and " + (skippedRecords.size() - 50) + " more skipped records");
            }
            return out;
        }
    }

    /** A run that stopped part-way; {@link #partial()} says what it had done (and committed) by then. */
    public static final class ReplayFailedException extends RuntimeException {
        private final transient Summary partial;

        ReplayFailedException(String message, Summary partial, Throwable cause) {
            super(message, cause);
            this.partial = partial;
        }

        public Summary partial() {
            return partial;
        }
    }

    /** Reads the dead-letter topic up to its end offsets at start, re-publishing (or, on a dry run, counting). */
    public Summary replay(Request request) {
        Tally tally = new Tally(request.dlqTopic(), request.dryRun());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(request));
                KafkaProducer<byte[], byte[]> producer = request.dryRun() ? null
                        : new KafkaProducer<>(producerConfig(request))) {
            Set<String> topics = consumer.listTopics().keySet();
            if (!topics.contains(request.dlqTopic())) {
                Set<String> dlqs = new TreeSet<>();
                topics.stream().filter(t -> t.startsWith(DLQ_PREFIX)).forEach(dlqs::add);
                throw new IllegalArgumentException("no topic " + request.dlqTopic() + " (dead-letter topics: "
                        + (dlqs.isEmpty() ? "none" : String.join(", ", dlqs)) + ")");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(request.dlqTopic())) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> next = startOffsets(consumer, partitions, request.since());
            next.forEach(consumer::seek);
            try {
                drain(consumer, producer, request, topics, end, next, tally);
            } catch (RuntimeException e) {
                throw new ReplayFailedException(e.getMessage(), tally.summary(), e);
            }
        }
        return tally.summary();
    }

    /** Where each partition starts: after the last committed replay, and no earlier than {@code since}. */
    private static Map<TopicPartition, Long> startOffsets(KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions, Instant since) {
        Map<TopicPartition, Long> start = new HashMap<>(consumer.beginningOffsets(partitions));
        consumer.committed(Set.copyOf(partitions)).forEach((tp, committed) -> {
            if (committed != null) {
                start.merge(tp, committed.offset(), Math::max);
            }
        });
        if (since != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, since.toEpochMilli()));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = found.get(tp);
                start.merge(tp, at != null ? at.offset() : end.get(tp), Math::max);
            }
        }
        return start;
    }

    private void drain(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
            Request request, Set<String> topics, Map<TopicPartition, Long> end, Map<TopicPartition, Long> next,
            Tally tally) {
        long lastProgress = System.nanoTime();
        while (true) {
            List<TopicPartition> open = next.keySet().stream().filter(tp -> next.get(tp) < end.get(tp)).toList();
            if (open.isEmpty()) {
                return;
            }
            consumer.pause(next.keySet().stream().filter(tp -> !open.contains(tp)).toList());
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            boolean progress = false;
            for (ConsumerRecord<byte[], byte[]> record : records) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < next.get(tp) || record.offset() >= end.get(tp)) {
                    continue; // after the end seen at start: a later run's work
                }
                handle(consumer, producer, request, topics, tp, record, tally);
                next.put(tp, record.offset() + 1);
                progress = true;
            }
            // Offsets without a record (compacted or aborted) still count as read.
            for (TopicPartition tp : open) {
                long position = Math.min(consumer.position(tp), end.get(tp));
                if (position > next.get(tp)) {
                    next.put(tp, position);
                    progress = true;
                }
            }
            if (progress) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL_LIMIT.toNanos()) {
                throw new IllegalStateException("read nothing from " + request.dlqTopic() + " for "
                        + STALL_LIMIT.toSeconds() + " s although records remain; is the cluster reachable?");
            }
        }
    }

    private static void handle(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
            Request request, Set<String> topics, TopicPartition tp, ConsumerRecord<byte[], byte[]> record,
            Tally tally) {
        String where = tp.topic() + "-" + tp.partition() + "@" + record.offset();
        String skip = null;
        String original = text(record.headers().lastHeader(ORIGINAL_TOPIC));
        if ("true".equals(text(record.headers().lastHeader(REDACTED)))) {
            skip = REDACTED_LETTER;
        } else if (original == null || original.isBlank()) {
            skip = NO_ORIGINAL_TOPIC;
        } else if (!NAMESPACE_TOPIC.matcher(original).matches() || original.startsWith(DLQ_PREFIX)) {
            skip = OUTSIDE_NAMESPACE;
        } else if (!topics.contains(original)) {
            // Publishing would let a broker with auto-creation make a topic with the wrong partitions.
            skip = UNKNOWN_TOPIC + ": " + original;
        }
        if (skip != null) {
            tally.skipped(skip, where);
        } else {
            Route route = new Route(original, printableType(record));
            if (!request.dryRun()) {
                send(producer, new ProducerRecord<>(original, null, record.key(), record.value(),
                        replayHeaders(record, where)), where);
            }
            tally.replayed(route);
        }
        if (!request.dryRun()) {
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(record.offset() + 1)));
        }
    }

    /** The record's headers less the dead-letter ones, plus where it was replayed from. */
    static RecordHeaders replayHeaders(ConsumerRecord<byte[], byte[]> record, String where) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            boolean deadLetter = DEAD_LETTER_HEADER_PREFIXES.stream().anyMatch(h.key()::startsWith);
            if (!deadLetter && !h.key().equals(REPLAYED_FROM)) {
                headers.add(h.key(), h.value());
            }
        }
        headers.add(REPLAYED_FROM, where.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> out,
            String where) {
        try {
            producer.send(out).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + where, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("could not publish " + where + " to " + out.topic() + ": "
                    + cause.getClass().getSimpleName(), cause);
        }
    }

    private static String printableType(ConsumerRecord<byte[], byte[]> record) {
        String type = text(record.headers().lastHeader(CE_TYPE));
        if (type == null) {
            return "(no ce_type)";
        }
        return PRINTABLE_TYPE.matcher(type).matches() ? type : "(unreadable ce_type)";
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> consumerConfig(Request request) {
        Map<String, Object> c = new HashMap<>(clientConfig);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, request.replayGroup());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "peersupport-replay-" + request.group());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return c;
    }

    private Map<String, Object> producerConfig(Request request) {
        Map<String, Object> c = new HashMap<>(clientConfig);
        c.put(ProducerConfig.CLIENT_ID_CONFIG, "peersupport-replay-" + request.group());
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() - 5_000);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return c;
    }

    private static final class Tally {
        private final String dlqTopic;
        private final boolean dryRun;
        private final Map<Route, Long> replayed = new TreeMap<>();
        private final Map<String, Long> skipped = new TreeMap<>();
        private final List<String> skippedRecords = new ArrayList<>();

        Tally(String dlqTopic, boolean dryRun) {
            this.dlqTopic = dlqTopic;
            this.dryRun = dryRun;
        }

        void replayed(Route route) {
            replayed.merge(route, 1L, Long::sum);
        }

        void skipped(String reason, String where) {
            String kind = reason.startsWith(UNKNOWN_TOPIC) ? UNKNOWN_TOPIC : reason;
            skipped.merge(kind, 1L, Long::sum);
            skippedRecords.add(where + ": " + reason);
        }

        Summary summary() {
            return new Summary(dlqTopic, dryRun, new TreeMap<>(replayed), new TreeMap<>(skipped),
                    List.copyOf(skippedRecords));
        }
    }

    // ---------------------------------------------------------------- command line

    /** The parsed command line. */
    record CommandLine(Request request, Map<String, Object> clientConfig) {
    }

    /**
     * {@code GROUP [--dry-run] [--since TIME] [--bootstrap-servers HOSTS] [--command-config FILE]}. The brokers
     * default to {@code KAFKA_BOOTSTRAP_SERVERS}, else the local stack's Kafka port; TIME is an ISO-8601 instant
     * ({@code 2025-06-01T08:00:00Z}) or an age such as {@code 30m}, {@code 2h}, {@code 7d}.
     */
    static CommandLine parse(List<String> args, Map<String, String> env, Path projectRoot, Clock clock)
            throws IOException {
        String group = null;
        boolean dryRun = false;
        Instant since = null;
        String bootstrap = null;
        Path commandConfig = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            switch (name) {
                case "--dry-run" -> dryRun = true;
                case "--since", "--bootstrap-servers", "--command-config" -> {
                    String value;
                    if (a.contains("=")) {
                        value = a.substring(a.indexOf('=') + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    switch (name) {
                        case "--since" -> since = parseSince(value, clock);
                        case "--bootstrap-servers" -> bootstrap = value;
                        default -> commandConfig = Path.of(value);
                    }
                }
                default -> {
                    if (a.startsWith("-") || group != null) {
                        throw new IllegalArgumentException("unexpected argument: " + a);
                    }
                    group = a;
                }
            }
        }
        if (group == null) {
            throw new IllegalArgumentException("missing GROUP (e.g. matching, for " + DLQ_PREFIX + "matching)");
        }
        Map<String, Object> config = new HashMap<>();
        if (commandConfig != null) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(commandConfig)) {
                p.load(in);
            }
            p.stringPropertyNames().forEach(k -> config.put(k, p.getProperty(k)));
        }
        if (bootstrap == null) {
            bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            bootstrap = (String) config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            bootstrap = "127.0.0.1:" + StackConfig.defaults(projectRoot, env).port(StackConfig.KAFKA);
        }
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new CommandLine(new Request(group, dryRun, since), config);
    }

    static Instant parseSince(String value, Clock clock) {
        Matcher ago = AGO.matcher(value.trim());
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration d = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return clock.instant().minus(d);
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since takes an instant such as 2025-06-01T08:00:00Z or an age such"
                    + " as 30m, 2h, 7d, not '" + value + "'");
        }
    }

    /** Exit codes: 0 done, 1 failed (what was done before is printed), 2 bad command line. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine cmd;
        try {
            Path root = Path.of(System.getProperty("peersupport.root", ".")).toAbsolutePath().normalize();
            cmd = parse(args, env, root, Clock.systemUTC());
        } catch (IllegalArgumentException | IOException e) {
            err.println("replay-dlq: " + e.getMessage());
            err.println("usage: replay-dlq GROUP [--dry-run] [--since TIME] [--bootstrap-servers HOSTS]"
                    + " [--command-config FILE]");
            return 2;
        }
        Request r = cmd.request();
        out.println((r.dryRun() ? "Counting " : "Replaying ") + r.dlqTopic() + " on "
                + cmd.clientConfig().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                + (r.since() != null ? ", dead-lettered since " + r.since().truncatedTo(ChronoUnit.SECONDS) : "")
                + " (progress kept by consumer group " + r.replayGroup() + ")");
        try {
            new DeadLetterReplay(cmd.clientConfig()).replay(r).lines().forEach(out::println);
            return 0;
        } catch (ReplayFailedException e) {
            e.partial().lines().forEach(out::println);
            err.println("replay-dlq: stopped: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("replay-dlq: " + e.getMessage());
            return 1;
        }
    }
}
