package org.peersupport.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One steady-load stage: requests sent open-loop at a fixed rate for a while (each at its planned moment, whatever
 * the answers before it), then the wait for every request's first notice in notification's store.
 */
final class Stage {

    /** What one stage measured. {@code notified}: request sent to its first notice stored. */
    record Result(String name, int rate, int seconds, int sent, double achievedRate, int accepted, int refused,
            Map<String, Integer> refusedBy, int notified, int lost, Percentiles accept, Percentiles notifiedLatency,
            Map<String, Integer> firstNoticeKinds, boolean sustained, Map<String, Double> cpuPercentOfACore) {
    }

    /** The requests a stage made: reference to the moment it was sent. */
    final Map<String, Instant> sentAt = new ConcurrentHashMap<>();

    private final Client client;
    private final Notices notices;
    private final String runId;

    private final java.util.function.Supplier<Map<String, Double>> cpu;

    Stage(Client client, Notices notices, String runId, java.util.function.Supplier<Map<String, Double>> cpu) {
        this.client = client;
        this.notices = notices;
        this.runId = runId;
        this.cpu = cpu;
    }

    Result run(String name, int rate, int seconds, Duration drain) {
        int total = rate * seconds;
        Instant stageStart = Instant.now();
        List<Double> acceptMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> refusedBy = new ConcurrentHashMap<>();
        AtomicInteger accepted = new AtomicInteger();
        Semaphore inFlight = new Semaphore(1024);
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        Map<String, Double> cpuBefore = cpu.get();
        long t0 = System.nanoTime();
        long lastSend = t0;
        for (int i = 0; i < total; i++) {
            long due = t0 + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the open-loop load, not waiting for a condition
            }
            inFlight.acquireUninterruptibly();
            String hospital = Client.HOSPITALS[i % Client.HOSPITALS.length];
            // intake takes keys of 8 to 64 letters, digits, '.', '_' or '-'
            String key = runId + "-" + name.replaceAll("[^A-Za-z0-9]", "") + "-" + i;
            Instant sent = Instant.now();
            long s = System.nanoTime();
            lastSend = s;
            pending.add(client.submitAsync(hospital, key, Duration.ofSeconds(30)).whenComplete((response, error) -> {
                inFlight.release();
                double ms = (System.nanoTime() - s) / 1e6;
                if (error != null) {
                    refusedBy.computeIfAbsent(error.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                } else if (response.statusCode() == 202 || response.statusCode() == 200) {
                    accepted.incrementAndGet();
                    acceptMillis.add(ms);
                    sentAt.put(reference(response), sent);
                } else {
                    refusedBy.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
            }));
        }
        double sendSeconds = Math.max(1e-9, (lastSend - t0) / 1e9);
        // What each part used of a core while the load was offered: which one runs out first.
        Map<String, Double> cpuUsed = Memory.percentOfACore(cpuBefore, cpu.get(), (System.nanoTime() - t0) / 1e9);
        double achieved = total <= 1 ? rate : (total - 1) / sendSeconds;
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception notAll) {
            // counted below: a request without an answer is one not accepted
        }
        Map<String, Instant> mine = new HashMap<>(sentAt);
        Map<String, Notices.Notice> first = awaitNotices(mine, stageStart, drain);
        List<Double> notifiedMillis = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        first.forEach((ref, notice) -> {
            notifiedMillis.add(Duration.between(mine.get(ref), notice.createdAt()).toNanos() / 1e6);
            kinds.merge(notice.kind(), 1, Integer::sum);
        });
        Map<String, Integer> refused = new TreeMap<>();
        refusedBy.forEach((k, v) -> refused.put(k, v.get()));
        int refusedCount = total - accepted.get();
        int lost = refusedCount + (mine.size() - first.size());
        Percentiles notified = Percentiles.of(notifiedMillis);
        boolean sustained = lost == 0 && achieved >= 0.95 * rate && notified.p99() <= 2000;
        return new Result(name, rate, seconds, total, achieved, accepted.get(), refusedCount, refused, first.size(),
                lost, Percentiles.of(acceptMillis), notified, kinds, sustained, cpuUsed);
    }

    /** Each request's first stored notice (any recipient, any kind), waiting until all have one or the drain ends. */
    Map<String, Notices.Notice> awaitNotices(Map<String, Instant> refs, Instant since, Duration drain) {
        long deadline = System.nanoTime() + drain.toNanos();
        Map<String, Notices.Notice> first = new HashMap<>();
        while (true) {
            first.clear();
            for (Notices.Notice n : notices.since(since)) {
                if (n.aboutId() != null && refs.containsKey(n.aboutId()) && n.createdAt() != null) {
                    first.merge(n.aboutId(), n, (a, b) -> a.createdAt().isBefore(b.createdAt()) ? a : b);
                }
            }
            if (first.size() >= refs.size() || System.nanoTime() > deadline) {
                return first;
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // the poll interval of the store
        }
    }

    static String reference(HttpResponse<String> response) {
        return Client.json(response).get("reference").asString();
    }
}
