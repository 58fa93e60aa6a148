package org.peersupport.platform.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.messaging.Correlation;
import org.peersupport.platform.testsupport.EmbeddedMongo;
import org.peersupport.platform.testsupport.MutableClock;
import org.slf4j.MDC;

class TimerPollerTest {

    private static final String TYPE = "test.timer";
    private static final Duration LEASE = Duration.ofSeconds(60);

    private static final EmbeddedMongo mongo = EmbeddedMongo.shared();

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private String database;
    private TimerStore store;

    @BeforeEach
    void freshStore() {
        database = EmbeddedMongo.freshDatabase();
        store = new TimerStore(mongo.template(database), clock);
    }

    private static TimerHandler handler(Consumer<TimerTask> action) {
        return new TimerHandler() {
            @Override
            public String type() {
                return TYPE;
            }

            @Override
            public void fire(TimerTask task) {
                action.accept(task);
            }
        };
    }

    @Test
    void firesDueTimersOnceAndDeletesThem() {
        List<String> fired = new CopyOnWriteArrayList<>();
        List<String> correlationIds = new CopyOnWriteArrayList<>();
        TimerPoller poller = new TimerPoller(store, List.of(handler(t -> {
            fired.add(t.id());
            correlationIds.add(MDC.get(Correlation.MDC_KEY));
        })), meters, Duration.ofSeconds(1), LEASE, 5);
        store.schedule("t-1", TYPE, "agg-1", "hosp-1", clock.instant(), "corr-1");
        store.schedule("t-2", TYPE, "agg-2", "hosp-1", clock.instant().plusSeconds(60), "corr-2");

        assertThat(poller.fireDue()).isEqualTo(1);
        assertThat(fired).containsExactly("t-1");
        // The handler runs under the correlation id the timer was scheduled with, cleared afterwards.
        assertThat(correlationIds).containsExactly("corr-1");
        assertThat(MDC.get(Correlation.MDC_KEY)).isNull();
        assertThat(store.find("t-1")).isEmpty();
        assertThat(poller.fireDue()).isZero();

        clock.advance(Duration.ofSeconds(60));
        assertThat(poller.fireDue()).isEqualTo(1);
        assertThat(fired).containsExactly("t-1", "t-2");
        assertThat(store.count()).isZero();
        assertThat(meters.counter("peersupport.timers.fired", "type", TYPE).count()).isEqualTo(2.0);
    }

    @Test
    void aHandlerThatThrowsLeavesTheTimerForARetryWithBackOff() {
        AtomicInteger calls = new AtomicInteger();
        TimerPoller poller = new TimerPoller(store, List.of(handler(t -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("downstream unavailable");
            }
        })), meters, Duration.ofSeconds(1), LEASE, 5);
        store.schedule("t-1", TYPE, "agg-1", "hosp-1", clock.instant(), "corr-1");

        assertThat(poller.fireDue()).isZero();
        assertThat(calls).hasValue(1);
        TimerTask afterFirstFailure = store.find("t-1").orElseThrow();
        assertThat(afterFirstFailure.attempts()).isEqualTo(1);
        // Released with a back-off (2 s after the first attempt), well before the 60 s lease ran out.
        assertThat(afterFirstFailure.leaseUntil()).isEqualTo(clock.instant().plusSeconds(2));

        // Not retried before the back-off is over...
        assertThat(poller.fireDue()).isZero();
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(poller.fireDue()).isZero();
        assertThat(calls).hasValue(2);
        // ... and the back-off grows with the attempts.
        assertThat(store.find("t-1").orElseThrow().leaseUntil()).isEqualTo(clock.instant().plusSeconds(4));

        clock.advance(Duration.ofSeconds(4));
        assertThat(poller.fireDue()).isEqualTo(1);
        assertThat(calls).hasValue(3);
        assertThat(store.find("t-1")).isEmpty();
        assertThat(meters.counter("peersupport.timers.failures", "type", TYPE).count()).isEqualTo(2.0);
    }

    @Test
    void aFailingTimerDoesNotStopOtherDueTimersFromFiring() {
        List<String> fired = new CopyOnWriteArrayList<>();
        TimerPoller poller = new TimerPoller(store, List.of(handler(t -> {
            if (t.id().equals("bad")) {
                throw new IllegalStateException("poison");
            }
            fired.add(t.id());
        })), meters, Duration.ofSeconds(1), LEASE, 5);
        store.schedule("bad", TYPE, "agg-1", "hosp-1", clock.instant().minusSeconds(1), "c");
        store.schedule("good", TYPE, "agg-2", "hosp-1", clock.instant(), "c");

        assertThat(poller.fireDue()).isEqualTo(1);
        assertThat(fired).containsExactly("good");
        assertThat(store.find("bad")).isPresent();
    }

    @Test
    void runningPollerFiresATimerOnceItIsDue() {
        AtomicInteger fires = new AtomicInteger();
        TimerStore realTime = new TimerStore(mongo.template(database), Clock.systemUTC());
        TimerPoller poller = new TimerPoller(realTime, List.of(handler(t -> fires.incrementAndGet())), meters,
                Duration.ofMillis(50), LEASE, 5);
        realTime.schedule("t-1", TYPE, "agg-1", "hosp-1", Instant.now().plusMillis(200), "corr-1");
        poller.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> realTime.count() == 0);
        } finally {
            poller.stop();
        }
        assertThat(fires).hasValue(1);
    }

    @Test
    void aTimerOfATypeNoHandlerKnowsIsReleasedWithBackOffAndCountedNotDropped() {
        TimerPoller poller = new TimerPoller(store, List.of(handler(t -> { })), meters, Duration.ofSeconds(1), LEASE,
                5);
        store.schedule("t-new", "type.of.the.next.release", "agg-1", "hosp-1", clock.instant(), "corr-1");

        assertThat(poller.fireDue()).isZero();

        TimerTask kept = store.find("t-new").orElseThrow();
        assertThat(kept.leaseUntil()).isAfter(clock.instant());
        assertThat(meters.counter("peersupport.timers.unhandled", "type", "type.of.the.next.release").count())
                .isEqualTo(1.0);
        // An instance that knows the type (the next release) fires it once its back-off is over.
        List<String> fired = new CopyOnWriteArrayList<>();
        TimerPoller upgraded = new TimerPoller(store, List.of(new TimerHandler() {
            @Override
            public String type() {
                return "type.of.the.next.release";
            }

            @Override
            public void fire(TimerTask task) {
                fired.add(task.id());
            }
        }), meters, Duration.ofSeconds(1), LEASE, 5);
        clock.advance(Duration.ofMinutes(1));
        assertThat(upgraded.fireDue()).isEqualTo(1);
        assertThat(fired).containsExactly("t-new");
        assertThat(store.count()).isZero();
    }

    @Test
    void aTimerThatKeepsFailingIsParkedAfterItsAttemptsAndPutBackOnStart() {
        AtomicInteger calls = new AtomicInteger();
        TimerPoller poller = new TimerPoller(store, List.of(handler(t -> {
            calls.incrementAndGet();
            throw new IllegalStateException("poison");
        })), meters, Duration.ofSeconds(1), LEASE, 3);
        store.schedule("poison", TYPE, "agg-1", "hosp-1", clock.instant(), "corr-1");

        for (int round = 0; round < 10; round++) {
            poller.fireDue();
            clock.advance(Duration.ofMinutes(10));
        }

        assertThat(calls).hasValue(3);
        assertThat(store.find("poison")).isEmpty();
        assertThat(store.findParked("poison")).isPresent();
        assertThat(store.countParked()).isEqualTo(1);
        assertThat(meters.get("peersupport.timers.parked").gauge().value()).isEqualTo(1.0);
        assertThat(meters.counter("peersupport.timers.parkings", "type", TYPE).count()).isEqualTo(1.0);

        // A fixed handler deployed: start-up puts the parked timer back, and it fires.
        List<String> fired = new CopyOnWriteArrayList<>();
        TimerPoller fixed = new TimerPoller(store, List.of(handler(t -> fired.add(t.id()))), meters,
                Duration.ofMinutes(10), LEASE, 3);
        fixed.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> fired.contains("poison"));
        } finally {
            fixed.stop();
        }
        assertThat(store.countParked()).isZero();
        assertThat(store.count()).isZero();
    }
}
