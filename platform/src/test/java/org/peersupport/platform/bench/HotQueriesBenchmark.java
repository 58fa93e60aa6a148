package org.peersupport.platform.bench;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.bson.Document;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.BenchAccess;
import org.peersupport.platform.outbox.OutboxRelay;
import org.peersupport.platform.timers.TimerStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The hot queries of the services on the embedded store (mongo-java-server, H2 on disk, one worker thread, as the
 * local stack runs it), with 10k and 100k documents stored: each in the shape main had before issue 5 and in the
 * shape it has now. Prints a table; it asserts nothing and is not part of the test suite.
 *
 * <pre>./mvnw -q -pl platform test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.peersupport.platform.bench.HotQueriesBenchmark</pre>
 */
public final class HotQueriesBenchmark {

    private static final int[] SIZES = {10_000, 100_000};
    private static final Duration BUDGET = Duration.ofSeconds(3);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("hot-queries");
        MongoServer server = new MongoServer(new H2Backend(dir.resolve("store.mv").toString()));
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        List<String> rows = new ArrayList<>();
        try (MongoClient client = MongoClients.create(uri)) {
            for (int size : SIZES) {
                MongoTemplate mongo = new MongoTemplate(client, "bench" + size);
                rows.addAll(run(mongo, size));
            }
        } finally {
            server.shutdownNow();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Hot queries on mongo-java-server %s (H2 file backend, 1 worker thread), %d cores, "
                + "Java %s%n", "1.47.0", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-44s %9s %12s %12s%n", "query", "documents", "ops/s", "mean ms");
        rows.forEach(System.out::println);
    }

    private static List<String> run(MongoTemplate mongo, int size) {
        List<String> rows = new ArrayList<>();
        Instant now = Instant.now();

        // Relay: documents that hold messages to hand over, one pending among `size`.
        MongoCollection<Document> aggregates = mongo.getCollection("aggregates");
        fill(aggregates, size, i -> new Document("_id", "a-" + i).append("ref", "a-" + i).append("version", 1L)
                .append("pending", i == size / 2).append("outbox", List.of()).append("handled", List.of()));
        rows.add(measure("relay poll, before: {pending:true} limit 100", size,
                n -> aggregates.find(new Document("pending", true)).limit(100).into(new ArrayList<>())));
        OutboxRelay relay = new OutboxRelay(null, new TimerStore(mongo, Clock.systemUTC()), new SimpleMeterRegistry(),
                Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(1), 10);
        AggregateStore<BenchAccess.Aggregate> store = new AggregateStore<>(mongo, BenchAccess.Aggregate.class, relay);
        rows.add(measure("relay poll, after: due markers limit 100", size, n -> BenchAccess.dueMarkers(store, 100)));

        // Timers: `size` live timers spread over 90 days, none due yet.
        MongoCollection<Document> timers = mongo.getCollection("timers_before");
        fill(timers, size, i -> new Document("_id", "t-" + i).append("dueAt", Date.from(now.plus(Duration.ofMinutes(
                1 + (i * 129_600L / size))))).append("leaseUntil", new Date(0)).append("leaseToken", "free-t-" + i));
        rows.add(measure("timer claim, before: {dueAt<=now, leaseUntil<=now}", size, n -> mongo.findAndModify(
                query(where("dueAt").lte(now).and("leaseUntil").lte(now)), Update.update("leaseToken", "x"),
                Document.class, "timers_before")));
        TimerStore timerStore = new TimerStore(mongo, Clock.systemUTC());
        for (int i = 0; i < size; i++) {
            timerStore.schedule("t-" + i, "bench", "a-" + i, "h", now.plus(Duration.ofMinutes(1 + (i * 129_600L / size))),
                    "c");
        }
        rows.add(measure("timer claim, after: cursor + slots by _id", size, n -> timerStore.claimDue(Duration.ofMinutes(1),
                50)));

        // Inbox: `size` notifications, 100 per recipient; one recipient's inbox.
        int recipients = size / 100;
        MongoCollection<Document> notifications = mongo.getCollection("notifications");
        fill(notifications, size, i -> new Document("_id", "n-" + i).append("recipientId", "r-" + (i % recipients))
                .append("createdAt", Date.from(now.plusMillis(i))).append("notice", "NEW_REQUEST"));
        rows.add(measure("inbox, before: {recipientId}", size,
                n -> notifications.find(new Document("recipientId", "r-7")).into(new ArrayList<>())));
        List<String> inboxIds = new ArrayList<>();
        for (int i = 7; i < size && inboxIds.size() < 100; i += recipients) {
            inboxIds.add("n-" + i);
        }
        mongo.getCollection("inboxes").insertOne(new Document("_id", "r-7").append("ids", inboxIds));
        rows.add(measure("inbox, after: inbox by _id + $in on _id", size, n -> {
            Document inbox = mongo.getCollection("inboxes").find(new Document("_id", "r-7")).first();
            notifications.find(new Document("_id", new Document("$in", inbox.getList("ids", String.class))))
                    .into(new ArrayList<>());
        }));

        // Pool: `size` supporters, 50 per hospital; one hospital's.
        int hospitals = size / 50;
        MongoCollection<Document> supporters = mongo.getCollection("supporters");
        fill(supporters, size, i -> new Document("_id", "s-" + i).append("hospitalId", "h-" + (i % hospitals)));
        rows.add(measure("pool, before: {hospitalId}", size,
                n -> supporters.find(new Document("hospitalId", "h-7")).into(new ArrayList<>())));
        List<String> roster = new ArrayList<>();
        for (int i = 7; i < size; i += hospitals) {
            roster.add("s-" + i);
        }
        mongo.getCollection("rosters").insertOne(new Document("_id", "h-7").append("supporterIds", roster));
        rows.add(measure("pool, after: roster by _id + $in on _id", size, n -> {
            Document found = mongo.getCollection("rosters").find(new Document("_id", "h-7")).first();
            supporters.find(new Document("_id", new Document("$in", found.getList("supporterIds", String.class))))
                    .into(new ArrayList<>());
        }));
        return rows;
    }

    private static void fill(MongoCollection<Document> collection, int size,
            java.util.function.IntFunction<Document> document) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(document.apply(i));
            if (batch.size() == 1000) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    private static String measure(String name, int size, IntConsumer query) {
        for (int i = 0; i < 3; i++) {
            query.accept(i);
        }
        long start = System.nanoTime();
        long deadline = start + BUDGET.toNanos();
        int ops = 0;
        while (System.nanoTime() < deadline || ops < 3) {
            query.accept(ops++);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "%-44s %9d %12.1f %12.2f", name, size, ops / seconds,
                seconds * 1000 / ops);
    }
}
