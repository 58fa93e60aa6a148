package org.peersupport.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.peersupport.platform.messaging.EventPublisher;
import org.peersupport.platform.timers.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.peersupport.platform.messaging.Correlation;
import org.peersupport.platform.BackgroundWorker;

/**
 * Hands over what stored aggregates promised: publishes their events (waiting for the broker's acknowledgement)
 * and schedules their timers, and only then removes them from the document. A crash in between means the
 * message is handed over again: consumers and the timer store are idempotent by id.
 */
public class OutboxRelay extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final EventPublisher publisher;
    private final TimerStore timers;
    private final MeterRegistry meters;
    private final Duration idleInterval;
    private final Duration failureBackoff;
    private final List<AggregateStore<?>> stores = new CopyOnWriteArrayList<>();
    private final Semaphore wake = new Semaphore(0);

    public OutboxRelay(EventPublisher publisher, TimerStore timers, MeterRegistry meters, Duration idleInterval,
            Duration failureBackoff) {
        super("outbox-relay");
        this.publisher = publisher;
        this.timers = timers;
        this.meters = meters;
        this.idleInterval = idleInterval;
        this.failureBackoff = failureBackoff;
    }

    void register(AggregateStore<?> store) {
        stores.add(store);
        meters.gauge("peersupport.outbox.pending", List.of(io.micrometer.core.instrument.Tag.of("collection",
                store.collection())), store, AggregateStore::countPending);
    }

    /** Asks the relay to look now rather than at its next idle tick. */
    public void wakeUp() {
        wake.release();
    }

    /** Relays everything pending once; true when something was handed over. */
    public boolean relayOnce() {
        boolean any = false;
        List<RuntimeException> failures = new ArrayList<>();
        for (AggregateStore<?> store : stores) {
            any |= relay(store, failures);
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
        return any;
    }

    private <D extends OutboxDocument> boolean relay(AggregateStore<D> store, List<RuntimeException> failures) {
        boolean any = false;
        for (D document : store.findPending(BATCH)) {
            List<String> done = new ArrayList<>();
            try {
                for (OutboxMessage message : document.getOutbox()) {
                    handOver(message);
                    done.add(message.messageId());
                }
            } catch (RuntimeException refused) {
                // This document's later messages wait (its order is kept), but other documents must not: one
                // message the broker keeps refusing would otherwise hold back every aggregate behind it.
                failures.add(refused);
            } finally {
                if (!done.isEmpty()) {
                    store.markSent(document, done);
                    any = true;
                }
            }
        }
        return any;
    }

    private void handOver(OutboxMessage message) {
        MDC.put(Correlation.MDC_KEY, message.correlationId());
        try {
            switch (message.kind()) {
                case EVENT -> {
                    publisher.publish(message);
                    meters.counter("peersupport.outbox.published", "type", message.type()).increment();
                }
                case TIMER -> timers.schedule(message.messageId(), message.type(), message.key(), message.hospitalId(),
                        message.dueAt(), message.correlationId());
            }
        } finally {
            Correlation.clear();
        }
    }

    @Override
    protected Duration runOnce() {
        try {
            return relayOnce() ? Duration.ZERO : idleInterval;
        } catch (RuntimeException failure) {
            log.warn("outbox relay failed ({}); trying again in {} ms", failure.getClass().getSimpleName(),
                    failureBackoff.toMillis());
            meters.counter("peersupport.outbox.failures").increment();
            return failureBackoff;
        }
    }

    /** A write wakes the relay at once rather than at its next tick. */
    @Override
    protected void pause(Duration pause) throws InterruptedException {
        wake.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
    }
}
