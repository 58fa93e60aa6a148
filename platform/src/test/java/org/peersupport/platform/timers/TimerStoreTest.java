package org.peersupport.platform.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.peersupport.platform.testsupport.EmbeddedMongo;
import org.peersupport.platform.testsupport.MutableClock;
import org.springframework.data.mongodb.core.MongoTemplate;

class TimerStoreTest {

    private static final String TYPE = "test.timer";
    private static final Duration LEASE = Duration.ofSeconds(60);

    private static final EmbeddedMongo mongo = EmbeddedMongo.shared();

    private String database;
    private MongoTemplate template;
    private final MutableClock clock = new MutableClock();
    private TimerStore store;

    @BeforeEach
    void freshStore() {
        database = EmbeddedMongo.freshDatabase();
        template = mongo.template(database);
        store = new TimerStore(template, clock);
    }

    private void schedule(String id, Instant dueAt) {
        store.schedule(id, TYPE, "agg-" + id, "hosp-1", dueAt, "corr-" + id);
    }

    @Test
    void schedulingTheSameIdTwiceKeepsOneTimerAndItsFirstDueTime() {
        Instant due = clock.instant().plus(Duration.ofMinutes(10));
        schedule("t-1", due);
        store.schedule("t-1", "other.type", "agg-other", "hosp-2", due.plus(Duration.ofHours(5)), "corr-other");

        assertThat(store.count()).isEqualTo(1);
        TimerTask timer = store.find("t-1").orElseThrow();
        assertThat(timer.dueAt()).isEqualTo(due);
        assertThat(timer.type()).isEqualTo(TYPE);
        assertThat(timer.aggregateId()).isEqualTo("agg-t-1");
        assertThat(timer.hospitalId()).isEqualTo("hosp-1");
        assertThat(timer.correlationId()).isEqualTo("corr-t-1");
        assertThat(timer.attempts()).isZero();
    }

    @Test
    void reschedulingAClaimedTimerDoesNotFreeItsLease() {
        schedule("t-1", clock.instant());
        TimerTask claimed = store.claimDue(LEASE).orElseThrow();

        schedule("t-1", clock.instant());

        assertThat(store.find("t-1").orElseThrow().leaseToken()).isEqualTo(claimed.leaseToken());
        assertThat(store.claimDue(LEASE)).isEmpty();
    }

    @Test
    void aTimerNotYetDueIsNotClaimed() {
        schedule("t-1", clock.instant().plus(Duration.ofMinutes(1)));

        assertThat(store.claimDue(LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(59));
        assertThat(store.claimDue(LEASE)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        TimerTask claimed = store.claimDue(LEASE).orElseThrow();
        assertThat(claimed.id()).isEqualTo("t-1");
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(claimed.leaseToken()).isNotEqualTo("free-t-1");
    }

    @Test
    void aClaimedTimerIsNotClaimedAgainWhileItsLeaseHolds() {
        schedule("t-1", clock.instant());
        store.claimDue(LEASE).orElseThrow();
        TimerStore otherInstance = new TimerStore(mongo.template(database), clock);

        assertThat(otherInstance.claimDue(LEASE)).isEmpty();
        clock.advance(LEASE.minusMillis(1));
        assertThat(otherInstance.claimDue(LEASE)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(otherInstance.claimDue(LEASE)).isPresent();
    }

    @Test
    void aCrashedHoldersTimerIsClaimedAgainAfterTheLeaseRunsOut() {
        Duration shortLease = Duration.ofMillis(300);
        TimerStore crashed = new TimerStore(mongo.template(database), Clock.systemUTC());
        TimerStore survivor = new TimerStore(mongo.template(database), Clock.systemUTC());
        crashed.schedule("t-1", TYPE, "agg-1", "hosp-1", Instant.now(), "corr-1");

        TimerTask lost = crashed.claimDue(shortLease).orElseThrow();
        // ... and the holder never completes it.

        TimerTask reclaimed = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> survivor.claimDue(shortLease), Optional::isPresent).orElseThrow();
        assertThat(Instant.now()).isAfterOrEqualTo(lost.leaseUntil());
        assertThat(reclaimed.id()).isEqualTo("t-1");
        assertThat(reclaimed.attempts()).isEqualTo(2);
        assertThat(reclaimed.leaseToken()).isNotEqualTo(lost.leaseToken());

        assertThat(survivor.complete(reclaimed)).isTrue();
        assertThat(survivor.count()).isZero();
    }

    @Test
    void completeWithAStaleLeaseTokenDoesNotDeleteTheTimer() {
        Duration lease = Duration.ofSeconds(30);
        schedule("t-1", clock.instant());
        TimerTask slowHolder = store.claimDue(lease).orElseThrow();
        clock.advance(lease);
        TimerStore otherInstance = new TimerStore(mongo.template(database), clock);
        TimerTask newHolder = otherInstance.claimDue(lease).orElseThrow();

        assertThat(store.complete(slowHolder)).isFalse();
        assertThat(store.find("t-1")).isPresent();
        // Nor can the slow holder's release push the new holder's lease around.
        store.release(slowHolder, Duration.ofHours(1));
        assertThat(store.find("t-1").orElseThrow().leaseUntil()).isEqualTo(newHolder.leaseUntil());

        assertThat(otherInstance.complete(newHolder)).isTrue();
        assertThat(store.find("t-1")).isEmpty();
    }

    @Test
    void releaseMakesTheTimerClaimableAgainOnlyAfterTheBackOff() {
        schedule("t-1", clock.instant());
        TimerTask claimed = store.claimDue(LEASE).orElseThrow();

        store.release(claimed, Duration.ofSeconds(8));

        assertThat(store.claimDue(LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(8));
        assertThat(store.claimDue(LEASE)).map(TimerTask::attempts).contains(2);
    }

    @Test
    @Timeout(180) // a guard against a hang only, generous for a loaded 2-core machine
    void twoInstancesClaimingConcurrentlyFireEachTimerExactlyOnce() throws Exception {
        int timers = 500;
        int threads = 8;
        Instant due = Instant.now().minusSeconds(1);
        for (int i = 0; i < timers; i++) {
            store.schedule("t-" + i, TYPE, "agg-" + i, "hosp-1", due, "corr-" + i);
        }
        Map<String, AtomicInteger> fires = new ConcurrentHashMap<>();
        TimerHandler counting = new TimerHandler() {
            @Override
            public String type() {
                return TYPE;
            }

            @Override
            public void fire(TimerTask task) {
                fires.computeIfAbsent(task.id(), id -> new AtomicInteger()).incrementAndGet();
            }
        };
        // Two service instances, each with its own client and store, four poller threads each.
        List<TimerPoller> instances = List.of(
                new TimerPoller(new TimerStore(mongo.template(database), Clock.systemUTC()), List.of(counting),
                        new SimpleMeterRegistry(), Duration.ofSeconds(1), LEASE, 5),
                new TimerPoller(new TimerStore(mongo.template(database), Clock.systemUTC()), List.of(counting),
                        new SimpleMeterRegistry(), Duration.ofSeconds(1), LEASE, 5));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        int firedTotal = 0;
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TimerPoller poller = instances.get(t % 2);
                results.add(pool.submit(() -> {
                    start.await();
                    return poller.fireDue();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                firedTotal += result.get(170, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(fires).hasSize(timers);
        assertThat(fires.entrySet()).allSatisfy(e -> assertThat(e.getValue().get())
                .as("fires of %s", e.getKey()).isEqualTo(1));
        assertThat(firedTotal).isEqualTo(timers);
        assertThat(store.count()).isZero();
    }

    @Test
    void aTimerDueLongAgoIsFoundAfterTheCursorMovedOnAndAfterALongIdle() {
        schedule("early", clock.instant());
        store.complete(store.claimDue(LEASE).orElseThrow());
        clock.advance(Duration.ofHours(2));
        assertThat(store.claimDue(LEASE)).isEmpty(); // the cursor moves past the empty slots

        schedule("overdue", clock.instant().minus(Duration.ofDays(3)));
        clock.advance(Duration.ofDays(2));

        assertThat(store.claimDue(LEASE)).map(TimerTask::id).contains("overdue");
    }

    /** What schedule() writes first, alone: the slot entry of a timer due now (and the cursor at its slot). */
    private long onlyTheSlotEntryOf(String id) {
        long slot = TimerStore.slotOf(clock.instant());
        template.getCollection(TimerStore.SLOTS).insertOne(new org.bson.Document("_id", slot).append("entries",
                List.of(new org.bson.Document("id", id).append("dueAt", java.util.Date.from(clock.instant())))));
        template.getCollection(TimerStore.CURSOR).insertOne(new org.bson.Document("_id", TimerStore.CURSOR)
                .append("slot", slot));
        return slot;
    }

    @Test
    void aTimerDueAtOnceIsNotLostWhenAPollFindsItsEntryBeforeItsTimer() {
        long slot = onlyTheSlotEntryOf("due-now");

        assertThat(store.claimDue(LEASE)).isEmpty();
        // ... and then its second write, the timer itself (as schedule() upserts it), without the entry again.
        template.insert(new TimerTask("due-now", TYPE, "agg-due-now", "hosp-1", clock.instant(), Instant.EPOCH,
                "free-due-now", 0, "corr-due-now", slot, java.util.Map.of()), TimerStore.COLLECTION);

        assertThat(store.claimDue(LEASE)).map(TimerTask::id).contains("due-now");
    }

    @Test
    void anEntryWhoseTimerNeverCameIsDroppedOnceOverdue() {
        long slot = onlyTheSlotEntryOf("crashed");

        clock.advance(TimerStore.GRACE.plusSeconds(1));
        assertThat(store.claimDue(LEASE)).isEmpty();

        assertThat(template.getCollection(TimerStore.SLOTS).find(new org.bson.Document("_id", slot)).first()
                .getList("entries", Object.class)).isEmpty();
    }

    @Test
    void findingDueTimersReadsOnlySlotsNotTheTimers() {
        for (int i = 0; i < 200; i++) {
            schedule("later-" + i, clock.instant().plus(Duration.ofDays(1 + i % 30)));
        }
        schedule("now", clock.instant());

        assertThat(store.claimDue(LEASE, 10)).extracting(TimerTask::id).containsExactly("now");
        // Only live slots are kept: one a day for the 30 days ahead.
        assertThat(template.getCollection(TimerStore.SLOTS).countDocuments()).isEqualTo(31);
        assertThat(template.indexOps(TimerStore.COLLECTION).getIndexInfo())
                .anySatisfy(index -> assertThat(index.isUnique() && index.getName().equals("leaseToken")).isTrue());
    }

    @Test
    void timersStoredBeforeSlotsExistedAreListedOnceAndFire() {
        String older = EmbeddedMongo.freshDatabase();
        MongoTemplate template = mongo.template(older);
        template.getCollection(TimerStore.COLLECTION).insertOne(new org.bson.Document("_id", "legacy")
                .append("type", TYPE).append("aggregateId", "agg").append("hospitalId", "hosp-1")
                .append("dueAt", java.util.Date.from(clock.instant().minusSeconds(5)))
                .append("leaseUntil", java.util.Date.from(Instant.EPOCH)).append("leaseToken", "free-legacy")
                .append("attempts", 0).append("correlationId", "c"));

        TimerStore restarted = new TimerStore(mongo.template(older), clock);

        assertThat(restarted.claimDue(LEASE)).map(TimerTask::id).contains("legacy");
    }
}
