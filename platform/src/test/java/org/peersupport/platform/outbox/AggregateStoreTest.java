package org.peersupport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.testsupport.EmbeddedMongo;
import org.peersupport.platform.timers.TimerStore;
import org.springframework.data.mongodb.core.MongoTemplate;

class AggregateStoreTest {

    private static final EmbeddedMongo mongo = EmbeddedMongo.shared();

    private MongoTemplate template;
    private AggregateStore<Counter> store;

    @BeforeEach
    void freshStore() {
        template = mongo.template(EmbeddedMongo.freshDatabase());
        OutboxRelay relay = new OutboxRelay(new RecordingPublisher(), new TimerStore(template, Clock.systemUTC()),
                new SimpleMeterRegistry(), Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(1), 10);
        store = new AggregateStore<>(template, Counter.class, relay);
    }

    @Test
    void insertOfADuplicateIdReturnsFalseAndKeepsTheFirstDocument() {
        Counter first = new Counter("c-1", "first");
        first.increment();
        assertThat(store.insert(first)).isTrue();

        Counter duplicate = new Counter("c-1", "second");
        duplicate.increment();
        duplicate.increment();
        assertThat(store.insert(duplicate)).isFalse();

        Counter stored = store.find("c-1").orElseThrow();
        assertThat(stored.label()).isEqualTo("first");
        assertThat(stored.count()).isEqualTo(1);
        assertThat(stored.getVersion()).isZero();
        assertThat(template.getCollection("counters").countDocuments()).isEqualTo(1);
    }

    @Test
    void staleWriterLosesTheVersionGuard() {
        store.insert(new Counter("c-1", "original"));
        Counter mine = store.find("c-1").orElseThrow();
        Counter theirs = store.find("c-1").orElseThrow();
        assertThat(mine.getVersion()).isEqualTo(theirs.getVersion());

        mine.label("mine");
        mine.increment();
        store.replace(mine);

        theirs.label("theirs");
        theirs.increment();
        theirs.increment();
        assertThatThrownBy(() -> store.replace(theirs)).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("counters/c-1");
        // The loser keeps the version it read, so it can tell it must read again.
        assertThat(theirs.getVersion()).isZero();

        Counter stored = store.find("c-1").orElseThrow();
        assertThat(stored.label()).isEqualTo("mine");
        assertThat(stored.count()).isEqualTo(1);
        assertThat(stored.getVersion()).isEqualTo(1);
    }

    @Test
    void replaceOfADocumentThatWasNeverStoredIsRefused() {
        assertThatThrownBy(() -> store.replace(new Counter("nowhere", "x")))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.find("nowhere")).isEmpty();
    }

    @Test
    void updateOfAMissingAggregateChangesNothing() {
        assertThat(store.update("nowhere", c -> {
            c.increment();
            return "changed";
        })).isEmpty();
        assertThat(template.getCollection("counters").countDocuments()).isZero();
    }

    @Test
    @Timeout(180) // a guard against a livelock only: on a loaded 2-core machine this has taken over 30 s
    void concurrentUpdatesLoseNoIncrement() throws Exception {
        store.insert(new Counter("c-1", "shared"));
        int threads = 4;
        int increments = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // Each thread has its own store, client and relay, like separate service instances.
                MongoTemplate own = mongo.template(template.getDb().getName());
                OutboxRelay relay = new OutboxRelay(new RecordingPublisher(), new TimerStore(own, Clock.systemUTC()),
                        new SimpleMeterRegistry(), Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(1), 10);
                AggregateStore<Counter> instance = new AggregateStore<>(own, Counter.class, relay);
                Callable<Integer> work = () -> {
                    start.await();
                    int applied = 0;
                    for (int i = 0; i < increments; i++) {
                        instance.update("c-1", c -> {
                            c.increment();
                            return true;
                        });
                        applied++;
                    }
                    return applied;
                };
                done.add(pool.submit(work));
            }
            start.countDown();
            int applied = 0;
            for (Future<Integer> f : done) {
                applied += f.get(170, TimeUnit.SECONDS);
            }
            assertThat(applied).isEqualTo(threads * increments);
        } finally {
            pool.shutdownNow();
        }
        Counter stored = store.find("c-1").orElseThrow();
        assertThat(stored.count()).isEqualTo(threads * increments);
        assertThat(stored.getVersion()).isEqualTo(threads * increments);
    }

    @Test
    void applyingACauseTwiceDecidesAndPublishesOnce() {
        store.insert(new Counter("c-1", "x"));
        RequestWithdrawn withdrawn = new RequestWithdrawn("evt-out", Instant.parse("2026-11-02T10:15:30Z"),
                Counter.HOSPITAL, "c-1");
        Decision.Timer reminder = new Decision.Timer("reminder", Counter.TIMER_TYPE, Counter.HOSPITAL,
                Instant.parse("2026-11-03T10:15:30Z"), Map.of("number", "1"));

        Applied<Integer> first = store.apply("c-1", "evt-1",
                (Integer count) -> Decision.to(count + 5).publishing(withdrawn).scheduling(reminder));
        Applied<Integer> again = store.apply("c-1", "evt-1", (Integer count) -> Decision.to(count + 5));

        assertThat(first.outcome()).isEqualTo(Applied.Outcome.APPLIED);
        assertThat(first.changedTo()).contains(5);
        assertThat(again.outcome()).isEqualTo(Applied.Outcome.ALREADY_HANDLED);
        Counter stored = store.find("c-1").orElseThrow();
        assertThat(stored.count()).isEqualTo(5);
        assertThat(stored.getOutbox()).extracting(OutboxMessage::messageId).containsExactly("evt-out", "c-1:reminder");
        assertThat(stored.getOutbox().get(1).timerPayload()).containsEntry("number", "1");
    }

    @Test
    void applyingToAMissingAggregateSaysNotFound() {
        assertThat(store.apply("nowhere", "evt-1", (Integer count) -> Decision.to(count + 1)).outcome())
                .isEqualTo(Applied.Outcome.NOT_FOUND);
    }

    @Test
    void anUnchangedDecisionStillRemembersItsCause() {
        store.insert(new Counter("c-1", "x"));

        Applied<Integer> unchanged = store.apply("c-1", "evt-1", Decision::unchanged);

        assertThat(unchanged.changedTo()).isEmpty();
        assertThat(store.find("c-1").orElseThrow().hasHandled("evt-1")).isTrue();
    }

    @Test
    void anUpdateReturningNothingIsRefusedRatherThanTakenForNotFound() {
        store.insert(new Counter("c-1", "x"));

        assertThatThrownBy(() -> store.update("c-1", c -> null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void reappliedEventIsANoOp() {
        store.insert(new Counter("c-1", "x"));

        assertThat(store.update("c-1", c -> c.apply("evt-1", 5))).contains(true);
        // A redelivery, read afresh from the store: the handled list was stored with the change.
        assertThat(store.update("c-1", c -> c.apply("evt-1", 5))).contains(false);
        assertThat(store.update("c-1", c -> c.apply("evt-2", 1))).contains(true);

        Counter stored = store.find("c-1").orElseThrow();
        assertThat(stored.count()).isEqualTo(6);
        assertThat(stored.hasHandled("evt-1")).isTrue();
        assertThat(stored.hasHandled("evt-2")).isTrue();
        assertThat(stored.hasHandled("evt-3")).isFalse();
    }

    @Test
    void handledListIsBoundedAndForgetsTheOldestFirst() {
        store.insert(new Counter("c-1", "x"));
        int events = OutboxDocument.HANDLED_MEMORY + 50;
        store.update("c-1", c -> {
            IntStream.range(0, events).forEach(i -> c.apply("evt-" + i, 1));
            return true;
        });

        Document raw = template.getCollection("counters").find(new Document("_id", "c-1")).first();
        assertThat(raw.getList("handled", String.class)).hasSize(OutboxDocument.HANDLED_MEMORY);

        Counter stored = store.find("c-1").orElseThrow();
        assertThat(stored.count()).isEqualTo(events);
        assertThat(stored.hasHandled("evt-0")).isFalse();
        assertThat(stored.hasHandled("evt-49")).isFalse();
        assertThat(stored.hasHandled("evt-50")).isTrue();
        assertThat(stored.hasHandled("evt-" + (events - 1))).isTrue();

        // Remembering one more keeps the bound and drops the next oldest.
        store.update("c-1", c -> c.apply("evt-new", 1));
        Document after = template.getCollection("counters").find(new Document("_id", "c-1")).first();
        assertThat(after.getList("handled", String.class)).hasSize(OutboxDocument.HANDLED_MEMORY)
                .doesNotContain("evt-50").contains("evt-51", "evt-new");
    }

    @Test
    void markingTheSameEventTwiceRemembersItOnce() {
        Counter counter = new Counter("c-1", "x");
        counter.markHandled("evt-1");
        counter.markHandled("evt-1");
        store.insert(counter);
        Document raw = template.getCollection("counters").find(new Document("_id", "c-1")).first();
        assertThat(raw.getList("handled", String.class)).containsExactly("evt-1");
    }
}
