package org.peersupport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.events.EventType;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.Topics;
import org.peersupport.platform.messaging.EventCodec;
import org.peersupport.platform.messaging.BrokerUnavailableException;
import org.peersupport.platform.testsupport.EmbeddedMongo;
import org.peersupport.platform.testsupport.MutableClock;
import org.peersupport.platform.timers.TimerStore;
import org.peersupport.platform.timers.TimerTask;
import org.springframework.data.mongodb.core.MongoTemplate;

class OutboxRelayTest {

    private static final EmbeddedMongo mongo = EmbeddedMongo.shared();

    final EventCodec codec = new EventCodec();
    final RecordingPublisher publisher = new RecordingPublisher();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final MutableClock clock = new MutableClock();
    private MongoTemplate template;
    private TimerStore timers;
    OutboxRelay relay;
    AggregateStore<Counter> store;

    /** How many documents the relay hands over at a time; {@link OutboxRelayLanesTest} runs every test with more. */
    int lanes() {
        return 1;
    }

    @BeforeEach
    void freshStore() {
        template = mongo.template(EmbeddedMongo.freshDatabase());
        timers = new TimerStore(template, Clock.systemUTC());
        relay = new OutboxRelay(publisher, timers, meters, clock, Duration.ofMinutes(1), Duration.ofMillis(50), 3,
                io.micrometer.observation.ObservationRegistry.NOOP, lanes());
        store = new AggregateStore<>(template, Counter.class, relay);
    }

    @Test
    void relayPublishesEventsInOrderAndEmptiesTheOutbox() {
        Counter counter = new Counter("req-1", "x");
        RequestWithdrawn first = counter.withdraw(codec);
        RequestWithdrawn second = counter.withdraw(codec);
        store.insert(counter);
        Counter stored = store.find("req-1").orElseThrow();
        assertThat(stored.isPending()).isTrue();
        assertThat(stored.getOutbox()).hasSize(2);

        assertThat(relay.relayOnce()).isTrue();

        assertThat(publisher.publishedIds()).containsExactly(first.eventId(), second.eventId());
        for (OutboxMessage message : publisher.published) {
            assertThat(message.kind()).isEqualTo(OutboxMessage.Kind.EVENT);
            assertThat(message.type()).isEqualTo("peersupport.request.withdrawn.v1");
            assertThat(message.topic()).isEqualTo(Topics.INTAKE);
            assertThat(message.key()).isEqualTo("req-1");
            assertThat(message.hospitalId()).isEqualTo(Counter.HOSPITAL);
            assertThat(message.correlationId()).isNotBlank();
        }
        // The payload is the event itself, readable by a consumer.
        assertThat(codec.decode(EventType.REQUEST_WITHDRAWN, publisher.published.get(1).payload().getBytes()))
                .isEqualTo(second);

        Counter after = store.find("req-1").orElseThrow();
        assertThat(after.getOutbox()).isEmpty();
        assertThat(after.isPending()).isFalse();
        assertThat(after.getVersion()).isEqualTo(stored.getVersion() + 1);
        assertThat(store.findPending(100)).isEmpty();

        // Nothing left: another pass hands over nothing and publishes nothing again.
        assertThat(relay.relayOnce()).isFalse();
        assertThat(publisher.published).hasSize(2);
        assertThat(meters.counter("peersupport.outbox.published", "type", "peersupport.request.withdrawn.v1")
                .count()).isEqualTo(2.0);
    }

    @Test
    void theOutboxLagIsTheAgeOfTheOldestMessageNotHandedOverAndParkedOnesAreCountedApart() {
        assertThat(meters.get("peersupport.outbox.oldest_age").timeGauge().value(TimeUnit.SECONDS)).isZero();
        Counter counter = new Counter("req-1", "x");
        RequestWithdrawn refused = counter.withdraw(codec);
        store.insert(counter);
        clock.advance(Duration.ofSeconds(90));

        assertThat(meters.get("peersupport.outbox.oldest_age").timeGauge().value(TimeUnit.SECONDS)).isEqualTo(90.0);

        publisher.refuse(m -> m.messageId().equals(refused.eventId()));
        for (int attempt = 0; attempt < 3; attempt++) {
            relay.relayOnce();
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(meters.get("peersupport.outbox.parked").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("peersupport.outbox.oldest_age").timeGauge().value(TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aFailedPublishKeepsTheRestPendingAndDoesNotResendWhatWasTaken() {
        Counter counter = new Counter("req-1", "x");
        RequestWithdrawn first = counter.withdraw(codec);
        RequestWithdrawn second = counter.withdraw(codec);
        store.insert(counter);
        publisher.refuse(m -> m.messageId().equals(second.eventId()));

        relay.relayOnce();

        assertThat(publisher.publishedIds()).containsExactly(first.eventId());
        Counter afterFailure = store.find("req-1").orElseThrow();
        assertThat(afterFailure.getOutbox()).extracting(OutboxMessage::messageId).containsExactly(second.eventId());
        assertThat(afterFailure.isPending()).isTrue();

        publisher.refuse(m -> false);
        // Backing off: not tried again until its first back-off (1 s) is over.
        assertThat(relay.relayOnce()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relayOnce()).isTrue();

        assertThat(publisher.publishedIds()).containsExactly(first.eventId(), second.eventId());
        Counter done = store.find("req-1").orElseThrow();
        assertThat(done.getOutbox()).isEmpty();
        assertThat(done.isPending()).isFalse();
    }

    @Test
    void aMessageTheBrokerKeepsRefusingDoesNotHoldBackOtherAggregates() {
        // A second kind of aggregate, registered after the first: it must not wait behind it either.
        AggregateStore<Tally> tallies = new AggregateStore<>(template, Tally.class, relay);
        Counter stuck = new Counter("req-stuck", "x");
        RequestWithdrawn refused = stuck.withdraw(codec);
        RequestWithdrawn behindRefused = stuck.withdraw(codec);
        store.insert(stuck);
        Counter fine = new Counter("req-fine", "y");
        RequestWithdrawn taken = fine.withdraw(codec);
        store.insert(fine);
        Tally tally = new Tally("req-tally", "z");
        RequestWithdrawn takenToo = tally.withdraw(codec);
        tallies.insert(tally);
        publisher.refuse(m -> m.messageId().equals(refused.eventId()));

        relay.relayOnce();

        assertThat(publisher.publishedIds()).containsExactlyInAnyOrder(taken.eventId(), takenToo.eventId());
        assertThat(store.find("req-fine").orElseThrow().isPending()).isFalse();
        assertThat(tallies.find("req-tally").orElseThrow().isPending()).isFalse();
        // Within the refused aggregate the order holds: what came after the refused message waits with it.
        Counter stillStuck = store.find("req-stuck").orElseThrow();
        assertThat(stillStuck.isPending()).isTrue();
        assertThat(stillStuck.getOutbox()).extracting(OutboxMessage::messageId)
                .containsExactly(refused.eventId(), behindRefused.eventId());

        publisher.refuse(m -> false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relayOnce()).isTrue();
        assertThat(publisher.publishedIds()).containsExactlyInAnyOrder(taken.eventId(), takenToo.eventId(),
                refused.eventId(), behindRefused.eventId());
        assertThat(publisher.publishedIds().subList(2, 4)).containsExactly(refused.eventId(),
                behindRefused.eventId());
        assertThat(store.findPending(100)).isEmpty();
    }

    /** Another aggregate type, in its own collection. */
    @org.springframework.data.mongodb.core.mapping.Document("tallies")
    public static class Tally extends Counter {

        public Tally() {
        }

        Tally(String id, String label) {
            super(id, label);
        }
    }

    @Test
    void aWriterHoldingACopyReadBeforeMarkSentCannotPutSentMessagesBack() {
        Counter counter = new Counter("req-1", "x");
        RequestWithdrawn sent = counter.withdraw(codec);
        store.insert(counter);
        Counter staleCopy = store.find("req-1").orElseThrow();
        assertThat(staleCopy.getOutbox()).hasSize(1);

        relay.relayOnce();
        assertThat(publisher.publishedIds()).containsExactly(sent.eventId());

        staleCopy.increment();
        assertThatThrownBy(() -> store.replace(staleCopy)).isInstanceOf(ConcurrentUpdateException.class);

        Counter stored = store.find("req-1").orElseThrow();
        assertThat(stored.getOutbox()).isEmpty();
        assertThat(stored.isPending()).isFalse();
        assertThat(stored.count()).isZero();
        // Through update the writer reads again and its change lands without the sent message.
        store.update("req-1", c -> {
            c.increment();
            return true;
        });
        assertThat(store.find("req-1").orElseThrow().getOutbox()).isEmpty();
        assertThat(store.findPending(100)).isEmpty();
        relay.relayOnce();
        assertThat(publisher.publishedIds()).containsExactly(sent.eventId());
    }

    @Test
    void aMessageQueuedWhileTheRelayPublishesIsNotLost() {
        Counter counter = new Counter("req-1", "x");
        RequestWithdrawn first = counter.withdraw(codec);
        store.insert(counter);
        AtomicInteger written = new AtomicInteger();
        RequestWithdrawn[] queuedMeanwhile = new RequestWithdrawn[1];
        publisher.whilePublishing(m -> {
            if (written.getAndIncrement() == 0) {
                // Another writer adds an event between the relay's read and its markSent.
                store.update("req-1", c -> queuedMeanwhile[0] = c.withdraw(codec));
            }
        });

        relay.relayOnce();

        Counter afterFirstPass = store.find("req-1").orElseThrow();
        assertThat(afterFirstPass.getOutbox()).extracting(OutboxMessage::messageId)
                .containsExactly(queuedMeanwhile[0].eventId());
        assertThat(afterFirstPass.isPending()).isTrue();

        relay.relayOnce();
        assertThat(publisher.publishedIds()).containsExactly(first.eventId(), queuedMeanwhile[0].eventId());
        Counter done = store.find("req-1").orElseThrow();
        assertThat(done.getOutbox()).isEmpty();
        assertThat(done.isPending()).isFalse();
    }

    @Test
    void timerMessagesAreScheduledExactlyOnceEvenWhenRelayedTwice() {
        AtomicBoolean crashAfterScheduling = new AtomicBoolean(true);
        AtomicInteger scheduleCalls = new AtomicInteger();
        // A relay that schedules the timer and then "crashes" before markSent, so the message is handed over again.
        TimerStore crashing = new TimerStore(template, Clock.systemUTC()) {
            @Override
            public void schedule(String id, String type, String aggregateId, String hospitalId, Instant dueAt,
                    String correlationId, java.util.Map<String, String> payload) {
                scheduleCalls.incrementAndGet();
                super.schedule(id, type, aggregateId, hospitalId, dueAt, correlationId, payload);
                if (crashAfterScheduling.getAndSet(false)) {
                    throw new IllegalStateException("crashed before markSent");
                }
            }
        };
        OutboxRelay crashingRelay = new OutboxRelay(publisher, crashing, meters, clock, Duration.ofMinutes(1),
                Duration.ofMillis(50), 3, io.micrometer.observation.ObservationRegistry.NOOP, lanes());
        AggregateStore<Counter> crashingStore = new AggregateStore<>(template, Counter.class, crashingRelay);

        Counter counter = new Counter("req-1", "x");
        String timerId = counter.remindIn(Duration.ofHours(1), "req-1/reminder");
        crashingStore.insert(counter);

        assertThat(crashingRelay.relayOnce()).isFalse();
        assertThat(crashingStore.find("req-1").orElseThrow().getOutbox()).hasSize(1);
        TimerTask scheduled = timers.find(timerId).orElseThrow();

        clock.advance(Duration.ofSeconds(1));
        assertThat(crashingRelay.relayOnce()).isTrue();
        // And once more by a second relay instance that had read the same message before.
        timers.schedule(timerId, Counter.TIMER_TYPE, "req-1", Counter.HOSPITAL, Instant.now(), "other");

        assertThat(scheduleCalls).hasValue(2);
        assertThat(timers.count()).isEqualTo(1);
        TimerTask timer = timers.find(timerId).orElseThrow();
        assertThat(timer).isEqualTo(scheduled);
        assertThat(timer.type()).isEqualTo(Counter.TIMER_TYPE);
        assertThat(timer.aggregateId()).isEqualTo("req-1");
        assertThat(timer.hospitalId()).isEqualTo(Counter.HOSPITAL);
        assertThat(timer.dueAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(timer.attempts()).isZero();
        Counter after = crashingStore.find("req-1").orElseThrow();
        assertThat(after.getOutbox()).isEmpty();
        assertThat(after.isPending()).isFalse();
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void eventsAndTimersOfOneWriteAreHandedOverTogether() {
        Counter counter = new Counter("req-1", "x");
        RequestWithdrawn event = counter.withdraw(codec);
        String timerId = counter.remindIn(Duration.ofMinutes(5), "req-1/reminder");
        store.insert(counter);

        relay.relayOnce();

        assertThat(publisher.publishedIds()).containsExactly(event.eventId());
        assertThat(timers.find(timerId)).isPresent();
        assertThat(store.find("req-1").orElseThrow().getOutbox()).isEmpty();
    }

    @Test
    void runningRelayIsWokenByAWriteAndPublishesWithoutWaitingForItsIdleTick() {
        relay.start();
        try {
            Counter counter = new Counter("req-1", "x");
            RequestWithdrawn event = counter.withdraw(codec);
            store.insert(counter);
            // The idle interval is a minute: only the wake-up makes this quick.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(publisher.publishedIds()).containsExactly(event.eventId());
                assertThat(store.find("req-1").orElseThrow().isPending()).isFalse();
            });

            store.update("req-1", c -> c.withdraw(codec));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publisher.published).hasSize(2));
        } finally {
            relay.stop();
        }
        assertThat(relay.isRunning()).isFalse();
    }

    @Test
    void runningRelayWaitsOutABrokerThatIsAwayWithoutCountingItAgainstTheDocument() {
        Counter counter = new Counter("req-1", "x");
        RequestWithdrawn event = counter.withdraw(codec);
        AtomicInteger outages = new AtomicInteger();
        publisher.unavailable(m -> outages.incrementAndGet() <= 2);
        store.insert(counter);
        relay.start();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(publisher.publishedIds()).containsExactly(event.eventId());
                assertThat(store.find("req-1").orElseThrow().isPending()).isFalse();
            });
        } finally {
            relay.stop();
        }
        assertThat(meters.counter("peersupport.outbox.outages").count()).isEqualTo(2.0);
        assertThat(meters.counter("peersupport.outbox.failures").count()).isZero();
        assertThat(List.copyOf(publisher.published)).hasSize(1);
    }

    @Test
    void aZombieFlagLeftByACrashBetweenTheTwoWritesOfMarkSentIsClearedByTheRelay() {
        // What a crash between the old markSent's two writes left: pending=true with an empty outbox.
        template.getCollection("zombies").insertOne(new org.bson.Document("_id", "z-1").append("ref", "z-1")
                .append("version", 3L).append("pending", true).append("outbox", List.of())
                .append("handled", List.of()));
        AggregateStore<Zombie> zombies = new AggregateStore<>(template, Zombie.class, relay);

        relay.relayOnce();

        assertThat(zombies.countPending()).isZero();
        assertThat(template.getCollection("zombies").find().first()).doesNotContainKey("pending");
        assertThat(template.getCollection(OutboxMarkers.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void aMarkerWhoseDocumentHasNothingPendingIsClearedAndNewWritesAreStillRelayed() {
        Counter counter = new Counter("req-1", "x");
        counter.withdraw(codec);
        store.insert(counter);
        relay.relayOnce();
        // A crash after the relay's pull but before it cleared the marker, as a writer's touch would leave it.
        new OutboxMarkers(template).touch("counters", "req-1", clock.instant());
        assertThat(store.countPending()).isEqualTo(1);

        relay.relayOnce();
        assertThat(store.countPending()).isZero();

        RequestWithdrawn later = store.update("req-1", c -> c.withdraw(codec)).orElseThrow();
        assertThat(store.countPending()).isEqualTo(1);
        relay.relayOnce();
        assertThat(publisher.publishedIds()).endsWith(later.eventId());
        assertThat(store.countPending()).isZero();
    }

    @Test
    void aWriterThatTouchedTheMarkerBeforeTheRelayClearedItLosesItsGuardAndWritesAgain() {
        store.insert(new Counter("req-1", "x"));
        // A writer reads the document, queues an event and touches the marker; before its guarded write lands, the
        // relay takes the marker, finds nothing pending yet, and clears the marker.
        Counter writer = store.find("req-1").orElseThrow();
        RequestWithdrawn queued = writer.withdraw(codec);
        new OutboxMarkers(template).touch("counters", "req-1", clock.instant());
        relay.relayOnce();
        assertThat(store.countPending()).isZero();

        // Its write would now land behind no marker; instead the relay's pass moved the version on, so it must read
        // again, and that write touches the marker anew.
        assertThatThrownBy(() -> store.replace(writer)).isInstanceOf(ConcurrentUpdateException.class);
        store.update("req-1", c -> c.withdraw(codec));
        assertThat(store.countPending()).isEqualTo(1);
        relay.relayOnce();
        assertThat(publisher.published).hasSize(1);
        assertThat(publisher.publishedIds()).doesNotContain(queued.eventId());
    }

    @Test
    void aDocumentWhoseMessageKeepsBeingRefusedIsParkedAndNeverHoldsBackNewerOnes() {
        // More refused documents than one pass takes: newer documents must still get through.
        for (int i = 0; i < 120; i++) {
            Counter poisoned = new Counter("poison-" + i, "x");
            poisoned.withdraw(codec);
            store.insert(poisoned);
        }
        publisher.refuse(m -> m.key().startsWith("poison-"));
        relay.relayOnce();
        relay.relayOnce();

        Counter fresh = new Counter("fresh", "y");
        RequestWithdrawn freshEvent = fresh.withdraw(codec);
        store.insert(fresh);
        relay.relayOnce();
        assertThat(publisher.publishedIds()).containsExactly(freshEvent.eventId());

        // Three refusals (1 s, then 2 s back-off between them) park each poisoned document.
        for (int round = 0; round < 6; round++) {
            clock.advance(Duration.ofSeconds(5));
            relay.relayOnce();
            relay.relayOnce();
        }
        assertThat(relay.parkedCount()).isEqualTo(120);
        assertThat(meters.get("peersupport.outbox.parked").gauge().value()).isEqualTo(120.0);
        assertThat(meters.counter("peersupport.outbox.failures").count()).isEqualTo(360.0);
        // Parked documents keep their messages, and are not tried any more...
        assertThat(store.find("poison-7").orElseThrow().getOutbox()).hasSize(1);
        clock.advance(Duration.ofHours(1));
        relay.relayOnce();
        assertThat(meters.counter("peersupport.outbox.failures").count()).isEqualTo(360.0);

        // ... until the service starts again (with a fix): then they go through.
        publisher.refuse(m -> false);
        relay.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> store.countPending() == 0);
        } finally {
            relay.stop();
        }
        assertThat(relay.parkedCount()).isZero();
        assertThat(publisher.published).hasSize(121);
    }

    /** A third aggregate type, for documents written by an older release. */
    @org.springframework.data.mongodb.core.mapping.Document("zombies")
    public static class Zombie extends Counter {

        public Zombie() {
        }
    }
}
