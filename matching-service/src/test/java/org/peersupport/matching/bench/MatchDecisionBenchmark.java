package org.peersupport.matching.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.matching.domain.Availability;
import org.peersupport.matching.domain.Candidate;
import org.peersupport.matching.domain.MatchPolicy;
import org.peersupport.matching.domain.MatchRequest;
import org.peersupport.matching.domain.Supporter;

/**
 * One matching decision ({@link MatchPolicy#best}: every hard rule, the score and fairness over the whole pool) with
 * 1k, 10k and 100k supporters in the pool, and the top 3 of an urgent broadcast. The pool is in memory, as the
 * decision sees it once read: reading it from the store is measured by platform's {@code HotQueriesBenchmark}. Pools
 * are mixed like a real network (roles, languages, units, loads, some lapsed, away or involved). Prints p50, p99 and
 * the slowest of many decisions; it asserts nothing and is not part of the test suite.
 *
 * <pre>./mvnw -q -pl matching-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *   -Dmdep.outputFile=target/cp.txt
 * java -cp "matching-service/target/test-classes:matching-service/target/classes:$(cat matching-service/target/cp.txt)" \
 *   org.peersupport.matching.bench.MatchDecisionBenchmark</pre>
 */
public final class MatchDecisionBenchmark {

    private static final int[] SIZES = {1_000, 10_000, 100_000};
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final ClinicalRole[] ROLES = ClinicalRole.values();
    private static final List<List<String>> LANGUAGES = List.of(List.of("en"), List.of("en", "es"), List.of("en"),
            List.of("fr", "en"), List.of("pt"), List.of("en", "vi"));

    private MatchDecisionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        MatchPolicy policy = new MatchPolicy();
        List<String> rows = new ArrayList<>();
        for (int size : SIZES) {
            List<Candidate> pool = pool(size, new Random(size));
            rows.add(measure("best of " + size, policy, pool, 1));
            rows.add(measure("top 3 of " + size, policy, pool, 3));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "One matching decision, pool in memory: %d cores (%s), Java %s%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"));
        System.out.println("| decision | p50 | p99 | slowest | decisions |");
        System.out.println("| --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    private static String measure(String name, MatchPolicy policy, List<Candidate> pool, int k) {
        int decisions = Math.max(1_000, 5_000_000 / pool.size());
        // Warm up well beyond the JIT's thresholds before measuring.
        for (long end = System.nanoTime() + Duration.ofSeconds(3).toNanos(); System.nanoTime() < end; ) {
            decide(policy, pool, k, (int) (end & 0xff));
        }
        long[] nanos = new long[decisions];
        int found = 0;
        for (int i = 0; i < decisions; i++) {
            long start = System.nanoTime();
            found += decide(policy, pool, k, i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        if (found == 0) {
            throw new IllegalStateException("no decision found anyone: the pool is not what it should be");
        }
        return String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %d |", name, millis(nanos, 0.50),
                millis(nanos, 0.99), nanos[nanos.length - 1] / 1e6, decisions);
    }

    private static int decide(MatchPolicy policy, List<Candidate> pool, int k, int i) {
        MatchRequest request = new MatchRequest("r" + i, "h" + (i % 10), "rq-" + (i % 5_000), ROLES[i % ROLES.length],
                Modality.values()[i % 3], i % 7 == 0 ? "es" : "en", i % 4 == 0, "unit-" + (i % 20), false,
                Set.of("trigger-" + (i % 300)), Set.of("s" + (i % 1_000)), true, k > 1);
        return policy.top(request, pool, Set.of("s" + (i % 97)), NOW, k).size();
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static List<Candidate> pool(int size, Random random) {
        List<Candidate> pool = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = "s" + i;
            Instant certifiedUntil = random.nextInt(20) == 0 ? NOW.minusSeconds(60) : NOW.plusSeconds(86_400 * 90);
            Supporter supporter = new Supporter(id, "h" + (i % 10), ROLES[random.nextInt(ROLES.length)],
                    LANGUAGES.get(random.nextInt(LANGUAGES.size())),
                    random.nextBoolean() ? List.of(Modality.PHONE) : List.of(Modality.PHONE, Modality.VIDEO),
                    2 + random.nextInt(3), certifiedUntil, "unit-" + random.nextInt(20), random.nextInt(3) == 0);
            Availability availability = random.nextInt(10) == 0
                    ? Availability.onCall().setBySupporter(Availability.Status.AWAY, null) : Availability.onCall();
            Instant lastAssigned = random.nextInt(5) == 0 ? null : NOW.minusSeconds(random.nextInt(86_400 * 30));
            Set<String> involved = random.nextInt(50) == 0 ? Set.of("trigger-" + random.nextInt(300)) : Set.of();
            Set<String> supported = random.nextInt(4) == 0 ? Set.of("rq-" + random.nextInt(5_000)) : Set.of();
            pool.add(new Candidate(supporter, availability, random.nextInt(3), random.nextInt(2), lastAssigned,
                    involved, Set.of(), supported));
        }
        return pool;
    }

    private static String cpuModel() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return "CPU model unknown";
        }
        return Files.readAllLines(info).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("CPU model unknown");
    }
}
