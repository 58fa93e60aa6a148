package org.peersupport.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.peersupport.stack.Args;
import org.peersupport.stack.LocalStack;
import org.peersupport.stack.StackConfig;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./peer bench}: starts the local stack as separate processes (the launcher of {@code ./peer up}, on ports of
 * its own), measures steady load, a ramp to the highest rate sustained without loss, a 500-staff trigger surge and
 * each part's resident memory, and in the same run the floors (Kafka's own latency and producer tools, raw store
 * writes); writes {@code bench-results/<date>.md} and {@code .json} and prints the table.
 *
 * <p>Options: {@code --rates 10,50,100 --seconds 60 --ramp 200,400,700,1000 --ramp-seconds 15 --surge 500
 * --warmup-seconds 30 --out bench-results --keep-stack false}.
 */
public final class BenchMain {

    /** The CPU of every process on the machine, ours and anyone else's. */
    static final String ALL = "all processes";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        List<Integer> rates = ints(o.getOrDefault("rates", "10,50,100"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        List<Integer> ramp = ints(o.getOrDefault("ramp", "200,400,700,1000"));
        int rampSeconds = Integer.parseInt(o.getOrDefault("ramp-seconds", "15"));
        int surgeStaff = Integer.parseInt(o.getOrDefault("surge", "500"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup-seconds", "30"));
        boolean keep = Boolean.parseBoolean(o.getOrDefault("keep-stack", "false"));
        Path root = Path.of(System.getProperty("peersupport.root", ".")).toAbsolutePath().normalize();
        Path out = root.resolve(o.getOrDefault("out", "bench-results"));
        Path state = root.resolve(".peer-bench");

        StackConfig config = BenchStack.config(root, state, BenchStack.BENCH_PORTS, Map.of());
        LocalStack stack = new LocalStack(config);
        stack.down();
        deleteTree(state); // every run starts from empty stores and topics, so runs compare
        Instant started = Instant.now();
        Memory memory = new Memory();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-rss");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> memory.sample(stack, StackConfig.PARTS), 0, 1, TimeUnit.SECONDS);

        Map<String, String> urls = new HashMap<>();
        for (String part : List.of("issuer", "intake", "matching", "followup", "notification")) {
            urls.put(part, stack.url(part));
        }
        String kafka = stack.url("kafka");
        String mongo = stack.url("mongo");
        Client client = new Client(urls);
        String runId = "b" + Long.toString(System.currentTimeMillis(), 36);
        java.util.function.Supplier<Map<String, Double>> cpu = () -> {
            Map<String, Double> used = Memory.cpuSeconds(stack, StackConfig.PARTS);
            used.put("bench", Memory.ownCpuSeconds());
            used.put(ALL, Memory.machineBusySeconds());
            return used;
        };
        try (Notices notices = new Notices(mongo)) {
            System.out.println("bench: starting the stack (state " + state + ") ...");
            long t0 = System.nanoTime();
            stack.up();
            System.out.printf(Locale.ROOT, "bench: all healthy in %.0f s%n", (System.nanoTime() - t0) / 1e9);
            Stage warm = new Stage(client, notices, runId, cpu);
            if (warmup > 0) {
                System.out.println("bench: warm-up " + warmup + " s at 20 req/s (not counted)");
                warm.run("warmup", 20, warmup, Duration.ofSeconds(60));
            }
            System.out.println("bench: floors (kafka-e2e-latency, kafka-producer-perf-test, store writes)");
            RawFloors.KafkaHop hop = RawFloors.kafkaHop(kafka, 10_000, state.resolve("logs"));
            RawFloors.ProducerThroughput producer = RawFloors.producer(kafka, 200_000, state.resolve("logs"));
            RawFloors.StoreWrites store = RawFloors.store(mongo, 5_000);

            List<Stage.Result> steady = new ArrayList<>();
            Map<String, Instant> steadySent = new HashMap<>();
            for (int rate : rates) {
                Stage stage = new Stage(client, notices, runId, cpu);
                Stage.Result r = stage.run(rate + "/s", rate, seconds, Duration.ofSeconds(60));
                print(r);
                steady.add(r);
                steadySent.putAll(stage.sentAt);
            }
            List<Stage.Result> rampResults = new ArrayList<>();
            for (int rate : ramp) {
                Stage.Result r = new Stage(client, notices, runId, cpu).run("ramp " + rate + "/s", rate, rampSeconds,
                        Duration.ofSeconds(60));
                print(r);
                rampResults.add(r);
                if (!r.sustained()) {
                    break;
                }
            }
            Report.Surge surge = surge(client, kafka, surgeStaff, runId);
            System.out.printf(Locale.ROOT, "bench: surge of %d: all offered after %.0f ms%n", surge.staff(),
                    surge.allOfferedMs());
            memory.sample(stack, StackConfig.PARTS);
            Map<String, Double> hops = hopMedians(kafka, notices, steadySent, started);

            Report draft = new Report(started.toString(), machine(), "", hop, producer, store, steady, rampResults,
                    surge, hops, memory.peakMb(), List.of());
            Report report = new Report(draft.startedAt(), draft.machine(), otherWork(steady),
                    hop, producer, store, steady, rampResults, surge, hops, memory.peakMb(), ratios(draft));
            write(out, started, report);
        } finally {
            sampler.shutdownNow();
            if (!keep) {
                System.out.println("bench: stopping the stack");
                stack.down();
            }
        }
    }

    static List<Ratio> ratios(Report r) {
        List<Ratio> ratios = new ArrayList<>();
        for (Stage.Result s : r.steady()) {
            ratios.add(new Ratio("notified p50 at " + s.rate() + " req/s", s.notifiedLatency().p50(), "ms",
                    r.threeHopP50(), "3 × kafka-e2e-latency p50", 5 * r.threeHopP50(), true));
        }
        for (Stage.Result s : r.steady()) {
            if (s.rate() == 100) {
                ratios.add(new Ratio("notified p99 at 100 req/s", s.notifiedLatency().p99(), "ms",
                        3 * r.kafkaHop().p99Ms(), "3 × kafka-e2e-latency p99", 150, true));
            }
        }
        int best = r.highestSustained();
        ratios.add(new Ratio("highest rate sustained with zero loss", best, "req/s", r.producer().recordsPerSecond(),
                "kafka-producer-perf-test records/s", 1000, false));
        ratios.add(new Ratio("highest rate sustained, against the store", best, "req/s", r.store().writesPerSecond(),
                "single-document writes/s", 1000, false));
        ratios.add(new Ratio(r.surge().staff() + "-staff trigger fully offered", r.surge().allOfferedMs(), "ms",
                r.surge().staff() * r.store().latency().p50(), r.surge().staff() + " × store write p50", 5000, true));
        r.residentMb().forEach((part, mb) -> {
            if (StackConfig.SERVICES.contains(part)) {
                ratios.add(new Ratio("resident memory " + part, mb, "MB", Double.NaN, "", 300, true));
            }
        });
        return ratios;
    }

    /** A trigger naming {@code staff} people; the time until every offer it makes is on intake's topic. */
    static Report.Surge surge(Client client, String kafka, int staff, String runId) {
        try (KafkaConsumer<byte[], byte[]> consumer = Topics.consumer(kafka)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTAKE).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // the end, before the trigger
            long t0 = System.nanoTime();
            long wall0 = System.currentTimeMillis();
            var response = client.trigger("lakeside", "SURGE-" + runId, staff);
            double acceptedMs = (System.nanoTime() - t0) / 1e6;
            if (response.statusCode() != 202) {
                throw new IllegalStateException("the surge trigger answered HTTP " + response.statusCode());
            }
            Set<String> offers = new java.util.HashSet<>();
            long lastSent = wall0;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (offers.size() < staff && System.nanoTime() < deadline) {
                for (var rec : consumer.poll(Duration.ofMillis(200))) {
                    if ("peersupport.outreach.offered.v1".equals(Topics.header(rec, "ce_type"))
                            && offers.add(Topics.header(rec, "ce_id"))) {
                        lastSent = Math.max(lastSent, rec.timestamp());
                    }
                }
            }
            return new Report.Surge(staff, acceptedMs, offers.size(),
                    offers.size() < staff ? Double.NaN : lastSent - wall0);
        }
    }

    /**
     * Medians of each segment of a request's path, from the events' own times: sent → intake decided ({@code ce_time}
     * of RequestSubmitted) → intake's relay sent it (record timestamp) → matching decided (OfferMade or MatchEscalated)
     * → matching's relay sent it → notice stored.
     */
    static Map<String, Double> hopMedians(String kafka, Notices notices, Map<String, Instant> sent, Instant since) {
        Map<String, long[]> times = new HashMap<>(); // requestId → decided1, sent1, decided2, sent2
        for (Topics.Event e : Topics.all(kafka, List.of(Topics.INTAKE, Topics.MATCHING))) {
            boolean submitted = "peersupport.request.submitted.v1".equals(e.type());
            boolean answered = "peersupport.offer.made.v1".equals(e.type())
                    || "peersupport.match.escalated.v1".equals(e.type());
            if ((!submitted && !answered) || e.time() == null) {
                continue;
            }
            JsonNode data = Client.JSON.readTree(e.data());
            String requestId = data.path("requestId").asString(null);
            if (requestId == null || !sent.containsKey(requestId)) {
                continue;
            }
            long decided = Instant.parse(e.time()).toEpochMilli();
            long[] t = times.computeIfAbsent(requestId, k -> new long[] {-1, -1, -1, -1});
            int at = submitted ? 0 : 2;
            if (t[at] < 0 || decided < t[at]) {
                t[at] = decided;
                t[at + 1] = e.sentAtMillis();
            }
        }
        Map<String, Notices.Notice> first = new HashMap<>();
        for (Notices.Notice n : notices.since(since)) {
            if (n.aboutId() != null && sent.containsKey(n.aboutId()) && n.createdAt() != null) {
                first.merge(n.aboutId(), n, (a, b) -> a.createdAt().isBefore(b.createdAt()) ? a : b);
            }
        }
        List<Double> http = new ArrayList<>();
        List<Double> relay1 = new ArrayList<>();
        List<Double> hop2 = new ArrayList<>();
        List<Double> relay2 = new ArrayList<>();
        List<Double> hop3 = new ArrayList<>();
        times.forEach((id, t) -> {
            Notices.Notice n = first.get(id);
            if (t[0] < 0 || t[2] < 0 || n == null) {
                return;
            }
            http.add((double) (t[0] - sent.get(id).toEpochMilli()));
            relay1.add((double) (t[1] - t[0]));
            hop2.add((double) (t[2] - t[1]));
            relay2.add((double) (t[3] - t[2]));
            hop3.add((double) (n.createdAt().toEpochMilli() - t[3]));
        });
        Map<String, Double> medians = new LinkedHashMap<>();
        medians.put("sent → intake decided (HTTP, token check, request and outbox stored)", Percentiles.of(http).p50());
        medians.put("intake decided → its outbox relay sent RequestSubmitted", Percentiles.of(relay1).p50());
        medians.put("intake's relay sent → matching decided (broker, consume, match, offer stored)", Percentiles.of(hop2).p50());
        medians.put("matching decided → its relay sent OfferMade / MatchEscalated", Percentiles.of(relay2).p50());
        medians.put("matching's relay sent → notification stored the notice (broker, consume, insert)", Percentiles.of(hop3).p50());
        medians.put("(requests these medians are taken over: a count)", (double) http.size());
        return medians;
    }

    /**
     * Whether anything but this run used the machine while the steady load was offered: all processes' CPU less the
     * stack's parts and the bench's own.
     */
    static String otherWork(List<Stage.Result> steady) {
        double worst = 0;
        for (Stage.Result r : steady) {
            Map<String, Double> cpu = r.cpuPercentOfACore();
            double ours = cpu.entrySet().stream().filter(e -> !e.getKey().equals(ALL)).mapToDouble(Map.Entry::getValue)
                    .sum();
            worst = Math.max(worst, cpu.getOrDefault(ALL, 0.0) - ours);
        }
        String measured = String.format(Locale.ROOT, "processes outside this run used at most %.0f %% of one core"
                + " during the steady stages (all processes' CPU from /proc/stat less the stack's parts and the bench)",
                worst);
        return worst < 15 ? "Other work was NOT running on the machine during this run: " + measured + "."
                : "Other work WAS running on the machine during this run: " + measured + ".";
    }

    static String machine() {
        StringBuilder m = new StringBuilder("Machine: nproc ").append(Runtime.getRuntime().availableProcessors());
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
            m.append(", CPU \"").append(cpu).append('"');
            String total = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> l.replaceAll("[^0-9]", "")).orElse("0");
            m.append(", memory ").append(Long.parseLong(total) / 1024).append(" MB total (free -m)");
            m.append(", Java ").append(System.getProperty("java.version"));
            m.append(", load average before the run ").append(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException unreadable) {
            m.append(" (no /proc)");
        }
        return m.append('.').toString();
    }

    static void write(Path dir, Instant started, Report report) throws IOException {
        Files.createDirectories(dir);
        String name = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(started);
        String md = report.markdown();
        Files.writeString(dir.resolve(name + ".md"), md, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".json"),
                Client.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        System.out.println("bench: written " + dir.resolve(name + ".md") + " and .json");
    }

    static void print(Stage.Result r) {
        System.out.printf(Locale.ROOT, "bench: %-14s sent %d (%.1f/s), accepted %d, notified %d, lost %d, notified"
                        + " p50 %s p99 %s ms, first notices %s%s%n", r.name(), r.sent(), r.achievedRate(), r.accepted(),
                r.notified(), r.lost(), Ratio.format(r.notifiedLatency().p50()), Ratio.format(r.notifiedLatency().p99()),
                r.firstNoticeKinds(), r.refusedBy().isEmpty() ? "" : " refused " + r.refusedBy());
    }

    /** {@code --name value} or {@code --name=value}, as the stack's launcher reads them. */
    static Map<String, String> options(String[] args) {
        return Args.parse(args, "peersupport.bench.");
    }

    static List<Integer> ints(String csv) {
        if (csv.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
