package org.peersupport.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.peersupport.stack.LocalStack;
import org.peersupport.stack.StackConfig;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./peer chaos}: the local stack as separate processes with a fault-injecting TCP proxy in front of the broker
 * and the store (every service and every broker client reaches them only through it); {@code --requests} requests
 * are made while the broker, the store and each service are killed with SIGKILL at random moments and restarted,
 * and the proxies add latency and reset every connection at random moments. Supporters accept a sample of offers,
 * record first contact and close the case once both of its (short) check-ins fell due. Afterwards, from the stores
 * and topics: every request accepted and answered once, every due check-in fired once, no notification twice.
 * Prints {@code N passed, N failed}; exit code 1 when any failed.
 *
 * <p>Options: {@code --requests 10000 --minutes 40 --seed <random>}. The run is bounded: from the moment the stack is
 * healthy, the load takes half the minutes, the faults run while it does, and the checks wait for the system to
 * settle for what remains.
 */
public final class ChaosMain {

    private static final List<String> VICTIMS =
            List.of("kafka", "mongo", "console", "intake", "matching", "followup", "notification", "training");

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchMain.options(args);
        int requests = Integer.parseInt(o.getOrDefault("requests", "10000"));
        int minutes = Integer.parseInt(o.getOrDefault("minutes", "40"));
        long seed = Long.parseLong(o.getOrDefault("seed", String.valueOf(System.nanoTime())));
        Path root = Path.of(System.getProperty("peersupport.root", ".")).toAbsolutePath().normalize();
        Path state = root.resolve(".peer-chaos");
        Random random = new Random(seed);

        Map<String, Integer> ports = BenchStack.CHAOS_PORTS;
        String kafkaProxy = "127.0.0.1:" + BenchStack.CHAOS_KAFKA_PROXY_PORT;
        String mongoProxy = "mongodb://127.0.0.1:" + BenchStack.CHAOS_MONGO_PROXY_PORT;
        StackConfig config = BenchStack.config(root, state, ports, Map.of(
                        // Check-ins 3 s and 6 s after the first contact, so they fall due within the run; the first
                        // contact's clock long enough that a supporter records it in time.
                        "FOLLOWUP_CHECK_IN_SCHEDULE", "3s,6s", "FOLLOWUP_FIRST_CONTACT_WITHIN", "10m"))
                .withExtraEnv("kafka", Map.of("PEER_KAFKA_ADVERTISED_PORT",
                        String.valueOf(BenchStack.CHAOS_KAFKA_PROXY_PORT)));
        for (String service : StackConfig.SERVICES) {
            // Through the proxies; a timer leased by a killed instance is taken over after 10 s.
            config = config.withExtraEnv(service, Map.of("KAFKA_BOOTSTRAP_SERVERS", kafkaProxy,
                    "MONGODB_URI", mongoProxy, "PEERSUPPORT_TIMERS_LEASE", "10s"));
        }
        LocalStack stack = new LocalStack(config);
        stack.down();
        BenchMain.deleteTree(state);
        System.out.println("chaos: seed " + seed + ", " + requests + " requests, at most " + minutes + " min");
        try (TcpProxy kafkaFaults = new TcpProxy("kafka", BenchStack.CHAOS_KAFKA_PROXY_PORT, ports.get("kafka"));
                TcpProxy mongoFaults = new TcpProxy("mongo", BenchStack.CHAOS_MONGO_PROXY_PORT, ports.get("mongo"))) {
            stack.up();
            // The minutes count from a healthy stack: start-up takes minutes of its own on a busy machine.
            Instant end = Instant.now().plus(Duration.ofMinutes(minutes));
            System.out.println("chaos: stack healthy; load and faults start, checks done by " + end);
            Map<String, String> urls = new HashMap<>();
            for (String part : List.of("issuer", "intake", "matching", "followup", "notification")) {
                urls.put(part, stack.url(part));
            }
            Client client = new Client(urls);
            Run run = new Run(client, requests, random);
            Instant loadEnd = Instant.now().plus(Duration.between(Instant.now(), end).dividedBy(2));
            AtomicBoolean faulting = new AtomicBoolean(true);
            Thread faults = new Thread(() -> faults(stack, kafkaFaults, mongoFaults, random, loadEnd, faulting, run),
                    "chaos-faults");
            faults.start();
            List<Thread> supporters = run.startSupporters(end.minus(Duration.between(Instant.now(), end).dividedBy(8)));
            // Retries of a request go on until three quarters of the time (at least the end of the load).
            Instant giveUp = Instant.now().plus(Duration.between(Instant.now(), end).multipliedBy(3).dividedBy(4));
            run.load(loadEnd, giveUp.isBefore(loadEnd) ? loadEnd : giveUp);
            faults.join();
            faulting.set(false);
            kafkaFaults.latency(0, 0);
            mongoFaults.latency(0, 0);
            System.out.println("chaos: load done (" + run.references.size() + " accepted); faults over: " + run.faultLog);
            // Everything stopped by a fault is up again before the checks read the stores.
            stack.up();
            Checks checks = new Checks(stack, run, end);
            checks.awaitAnswers(end.minus(Duration.between(Instant.now(), end).dividedBy(4)));
            run.stopSupporters.set(true);
            for (Thread t : supporters) {
                t.join(Duration.ofSeconds(30).toMillis());
            }
            int[] result = checks.run();
            String summary = result[0] + " passed, " + result[1] + " failed";
            Files.createDirectories(root.resolve("bench-results"));
            Files.writeString(root.resolve("bench-results").resolve("chaos-last.txt"), String.join("\n", checks.lines)
                    + "\n" + summary + "\n", StandardCharsets.UTF_8);
            System.out.println(summary);
            stack.down();
            System.exit(result[1] == 0 ? 0 : 1);
        } catch (RuntimeException e) {
            stack.down();
            throw e;
        }
    }

    /**
     * SIGKILL each victim once, at random moments of the load window (in a random order), each restarted 1–5 s later
     * on a thread of its own, so a slow restart does not hold back the next kill; between and after the kills the
     * proxies add latency spells and resets.
     */
    static void faults(LocalStack stack, TcpProxy kafka, TcpProxy mongo, Random random, Instant until,
            AtomicBoolean on, Run run) {
        List<String> order = new ArrayList<>(VICTIMS);
        Collections.shuffle(order, random);
        long window = Math.max(1, Duration.between(Instant.now(), until).toMillis());
        List<Long> moments = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            moments.add((long) (window * (0.05 + 0.85 * random.nextDouble())));
        }
        Collections.sort(moments);
        long t0 = System.nanoTime();
        List<Thread> restarts = new ArrayList<>();
        for (int i = 0; i < order.size() && on.get(); i++) {
            long wait = moments.get(i) - (System.nanoTime() - t0) / 1_000_000L;
            proxyFaults(kafka, mongo, random, Math.max(0, wait), run);
            String victim = order.get(i);
            long pid = stack.pid(victim).orElse(-1L);
            stack.kill(victim);
            run.fault("SIGKILL " + victim + " (pid " + pid + ")");
            long down = 1000 + random.nextInt(4000);
            Thread restart = new Thread(() -> {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(down)); // down for 1–5 s
                // As an orchestrator's restart policy does: a service that exits while starting (its store or
                // broker away at that moment) is started again.
                for (int attempt = 1; attempt <= 5; attempt++) {
                    try {
                        stack.start(victim);
                        run.fault(victim + " healthy again" + (attempt > 1 ? " (start " + attempt + ")" : ""));
                        return;
                    } catch (RuntimeException notHealthy) {
                        run.fault(victim + " exited while starting (start " + attempt + "): "
                                + String.valueOf(notHealthy.getMessage()).lines().findFirst().orElse(""));
                    }
                }
            }, "chaos-restart-" + victim);
            restart.start();
            restarts.add(restart);
        }
        proxyFaults(kafka, mongo, random, Math.max(0, Duration.between(Instant.now(), until).toMillis()), run);
        for (Thread t : restarts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** For {@code millis}: latency spells of 20–200 ms on one proxy, and resets of every connection of one. */
    private static void proxyFaults(TcpProxy kafka, TcpProxy mongo, Random random, long millis, Run run) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            TcpProxy proxy = random.nextBoolean() ? kafka : mongo;
            if (random.nextInt(3) == 0) {
                int n = proxy.resetAll();
                run.fault("reset " + n + " " + proxy.name() + " connections");
            } else {
                long latency = 20 + random.nextInt(180);
                proxy.latency(latency, latency / 2);
                run.fault(proxy.name() + " +" + latency + " ms");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(millis, 3000 + random.nextInt(7000))));
            proxy.latency(0, 0);
        }
    }

    /** The load, the supporters' answers, and what they saw. */
    static final class Run {
        final Client client;
        final int requests;
        final Random random;
        /** Idempotency key → reference. */
        final Map<String, String> references = new ConcurrentHashMap<>();
        final Set<String> keysNeverAccepted = ConcurrentHashMap.newKeySet();
        /** Case (request) id → supporter, for the cases whose first contact was recorded. */
        final Map<String, String> casesWithFirstContact = new ConcurrentHashMap<>();
        final Map<String, String> casesClosed = new ConcurrentHashMap<>();
        final List<String> faultLog = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean stopSupporters = new AtomicBoolean();
        final AtomicInteger retries = new AtomicInteger();

        Run(Client client, int requests, Random random) {
            this.client = client;
            this.requests = requests;
            this.random = random;
        }

        void fault(String what) {
            faultLog.add(what);
            System.out.println("chaos: " + what);
        }

        /** The requests, paced over the load window, each retried with its key until accepted (or give-up time). */
        void load(Instant loadEnd, Instant giveUp) throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(64);
            long span = Math.max(1, Duration.between(Instant.now(), loadEnd).toNanos());
            long t0 = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                long due = t0 + span / requests * i;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // pacing the load
                }
                String key = "chaos-" + t0 + "-" + i;
                String hospital = Client.HOSPITALS[i % Client.HOSPITALS.length];
                pool.execute(() -> submitUntilAccepted(hospital, key, giveUp));
            }
            pool.shutdown();
            pool.awaitTermination(Duration.between(Instant.now(), giveUp).toMillis() + 60_000, TimeUnit.MILLISECONDS);
        }

        private void submitUntilAccepted(String hospital, String key, Instant giveUp) {
            long backoff = 250;
            while (Instant.now().isBefore(giveUp)) {
                try {
                    HttpResponse<String> r = client.submitAsync(hospital, key, Duration.ofSeconds(15)).get();
                    if (r.statusCode() == 202 || r.statusCode() == 200) {
                        references.put(key, Stage.reference(r));
                        return;
                    }
                    if (r.statusCode() == 401) {
                        client.forgetTokens();
                    }
                } catch (Exception unanswered) {
                    // the service is down or its answer was lost: the same key again is the same request
                }
                retries.incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff)); // back-off before the retry
                backoff = Math.min(5000, backoff * 2);
            }
            keysNeverAccepted.add(key);
        }

        /** One thread per demo supporter: accept an offer, record first contact, close once both check-ins fell due. */
        List<Thread> startSupporters(Instant until) {
            List<Thread> threads = new ArrayList<>();
            for (String hospital : Client.HOSPITALS) {
                for (int n = 1; n <= 3; n++) {
                    String supporter = hospital + "-supporter-" + n;
                    Thread t = new Thread(() -> supporterLoop(hospital, supporter, until), "chaos-" + supporter);
                    t.setDaemon(true);
                    t.start();
                    threads.add(t);
                }
            }
            return threads;
        }

        private void supporterLoop(String hospital, String supporter, Instant until) {
            while (!stopSupporters.get() && Instant.now().isBefore(until)) {
                try {
                    JsonNode offers = Client.json(client.get("matching", "/api/offers", supporter));
                    if (!offers.isArray() || offers.isEmpty()) {
                        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2)); // the supporter looks again later
                        continue;
                    }
                    String requestId = offers.get(0).get("requestId").asString();
                    HttpResponse<String> accepted = client.post("matching", "/api/offers/" + requestId + "/accept",
                            supporter, "");
                    if (accepted.statusCode() != 200) {
                        continue;
                    }
                    String casePath = "/api/hospitals/" + hospital + "/cases/" + requestId;
                    if (!untilOk(() -> client.post("followup", casePath + "/first-contact", supporter, ""), until)) {
                        continue;
                    }
                    casesWithFirstContact.put(requestId, supporter);
                    boolean due = untilTrue(() -> {
                        HttpResponse<String> c = client.get("followup", casePath, supporter);
                        return c.statusCode() == 200 && Client.json(c).path("checkInsDue").asInt() >= 2;
                    }, until);
                    if (due && untilOk(() -> client.post("followup", casePath + "/closure", supporter, ""), until)) {
                        casesClosed.put(requestId, supporter);
                    }
                } catch (RuntimeException serviceAway) {
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // a killed service: try again
                }
            }
        }

        private static boolean untilOk(java.util.function.Supplier<HttpResponse<String>> call, Instant until) {
            return untilTrue(() -> call.get().statusCode() == 200, until);
        }

        private static boolean untilTrue(java.util.function.BooleanSupplier condition, Instant until) {
            while (Instant.now().isBefore(until)) {
                try {
                    if (condition.getAsBoolean()) {
                        return true;
                    }
                } catch (RuntimeException away) {
                    // the service is down: asked again below
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500)); // poll interval of a person's client
            }
            return false;
        }
    }

    /** What must hold after the run, read from notification's store and the services' topics. */
    static final class Checks {
        final LocalStack stack;
        final Run run;
        final Instant end;
        final List<String> lines = new ArrayList<>();

        Checks(LocalStack stack, Run run, Instant end) {
            this.stack = stack;
            this.run = run;
            this.end = end;
        }

        /** Waits (bounded) until every accepted request has a notice and every due check-in's notice is stored. */
        void awaitAnswers(Instant until) {
            Set<String> refs = new HashSet<>(run.references.values());
            try (Notices notices = new Notices(stack.url("mongo"))) {
                while (Instant.now().isBefore(until)) {
                    Set<String> answered = new HashSet<>();
                    for (Notices.Notice n : notices.since(Instant.EPOCH)) {
                        if (n.aboutId() != null && ("NEW_OFFER".equals(n.kind()) || "MATCH_ESCALATED".equals(n.kind()))) {
                            answered.add(n.aboutId());
                        }
                    }
                    answered.retainAll(refs);
                    System.out.printf(Locale.ROOT, "chaos: %d of %d requests answered%n", answered.size(), refs.size());
                    if (answered.size() == refs.size()) {
                        return;
                    }
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5)); // the store is read every 5 s
                }
            }
        }

        /** {passed, failed}: one check per request, one per due check-in, one per notice. */
        int[] run() {
            int passed = 0;
            int failed = 0;
            Map<String, List<String>> failures = new TreeMap<>();
            String kafka = stack.url("kafka");
            List<Topics.Event> events = Topics.all(kafka, List.of(Topics.INTAKE, Topics.MATCHING, Topics.FOLLOWUP));
            Map<String, Set<String>> submittedIds = new HashMap<>();
            Map<String, Set<String>> assignedIds = new HashMap<>();
            Map<String, Set<String>> checkInIds = new HashMap<>(); // "case#n" → distinct event ids
            for (Topics.Event e : events) {
                if (e.type() == null) {
                    continue;
                }
                JsonNode data = Client.JSON.readTree(e.data());
                switch (e.type()) {
                    case "peersupport.request.submitted.v1" -> submittedIds
                            .computeIfAbsent(data.path("requestId").asString(""), k -> new HashSet<>()).add(e.id());
                    case "peersupport.supporter.assigned.v1" -> assignedIds
                            .computeIfAbsent(data.path("requestId").asString(""), k -> new HashSet<>()).add(e.id());
                    case "peersupport.checkin.due.v1" -> checkInIds.computeIfAbsent(
                            data.path("caseId").asString("") + "#" + data.path("checkInNumber").asInt(),
                            k -> new HashSet<>()).add(e.id());
                    default -> {
                    }
                }
            }
            List<Notices.Notice> all;
            try (Notices notices = new Notices(stack.url("mongo"))) {
                all = notices.since(Instant.EPOCH);
            }
            Map<String, List<Notices.Notice>> byRequest = new HashMap<>();
            Map<String, Integer> perRecipientKindAbout = new HashMap<>();
            for (Notices.Notice n : all) {
                if (n.aboutId() != null) {
                    byRequest.computeIfAbsent(n.aboutId(), k -> new ArrayList<>()).add(n);
                }
                perRecipientKindAbout.merge(n.recipientId() + "|" + n.kind() + "|" + n.aboutId(), 1, Integer::sum);
            }
            // Every request: accepted under its key, submitted once, answered (offered or escalated), assigned at
            // most once.
            for (String key : run.keysNeverAccepted) {
                failed++;
                failures.computeIfAbsent("never accepted (idempotency key)", k -> new ArrayList<>()).add(key);
            }
            Map<String, String> refToKey = new HashMap<>();
            run.references.forEach((key, ref) -> {
                String other = refToKey.put(ref, key);
                if (other != null) {
                    failures.computeIfAbsent("two keys, one reference", k -> new ArrayList<>()).add(ref);
                }
            });
            for (String ref : refToKey.keySet()) {
                List<String> why = new ArrayList<>();
                int submitted = submittedIds.getOrDefault(ref, Set.of()).size();
                if (submitted != 1) {
                    why.add("RequestSubmitted " + submitted + "×");
                }
                boolean answered = byRequest.getOrDefault(ref, List.of()).stream()
                        .anyMatch(n -> "NEW_OFFER".equals(n.kind()) || "MATCH_ESCALATED".equals(n.kind()));
                if (!answered) {
                    why.add("no offer or escalation notice");
                }
                int assigned = assignedIds.getOrDefault(ref, Set.of()).size();
                if (assigned > 1) {
                    why.add("SupporterAssigned " + assigned + "×");
                }
                if (why.isEmpty()) {
                    passed++;
                } else {
                    failed++;
                    failures.computeIfAbsent("request " + String.join(", ", why), k -> new ArrayList<>()).add(ref);
                }
            }
            // Every check-in that fell due for a case whose first contact was recorded: fired once, told once.
            for (String caseId : run.casesWithFirstContact.keySet()) {
                if (!run.casesClosed.containsKey(caseId)) {
                    continue; // closed only once both fell due; one still open may not be due yet
                }
                for (int n = 1; n <= 2; n++) {
                    int fired = checkInIds.getOrDefault(caseId + "#" + n, Set.of()).size();
                    if (fired == 1) {
                        passed++;
                    } else {
                        failed++;
                        failures.computeIfAbsent("check-in fired " + fired + "×", k -> new ArrayList<>())
                                .add(caseId + "#" + n);
                    }
                }
                long told = byRequest.getOrDefault(caseId, List.of()).stream()
                        .filter(x -> "CHECK_IN_DUE".equals(x.kind())).count();
                if (told == 2) {
                    passed++;
                } else {
                    failed++;
                    failures.computeIfAbsent("CHECK_IN_DUE notices " + told + " (of 2)", k -> new ArrayList<>())
                            .add(caseId);
                }
            }
            // No notification twice: one in-app notice per recipient, kind and subject (check-ins: one per number).
            for (Map.Entry<String, Integer> e : perRecipientKindAbout.entrySet()) {
                int allowed = e.getKey().contains("|CHECK_IN_DUE|") ? 2 : 1;
                if (e.getValue() <= allowed) {
                    passed++;
                } else {
                    failed++;
                    failures.computeIfAbsent("notification " + e.getValue() + "×", k -> new ArrayList<>())
                            .add(e.getKey());
                }
            }
            lines.add(String.format(Locale.ROOT, "chaos: %d requests accepted (%d retries), %d notices, %d cases with"
                            + " first contact, %d closed after both check-ins; faults: %s", run.references.size(),
                    run.retries.get(), all.size(), run.casesWithFirstContact.size(), run.casesClosed.size(),
                    String.join("; ", run.faultLog)));
            failures.forEach((what, ids) -> lines.add("FAILED " + what + ": " + ids.size() + " e.g. "
                    + ids.subList(0, Math.min(10, ids.size()))));
            lines.forEach(System.out::println);
            return new int[] {passed, failed};
        }
    }
}
