package org.peersupport.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.peersupport.platform.BackgroundWorker;
import org.peersupport.platform.Failures;
import org.peersupport.platform.messaging.Correlation;
import org.peersupport.platform.messaging.EventPublisher;
import org.peersupport.platform.messaging.TraceContext;
import org.peersupport.platform.outbox.OutboxMarkers.OutboxMarker;
import org.peersupport.platform.timers.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Hands over what stored aggregates promised: publishes their events (waiting for the broker's acknowledgement)
 * and schedules their timers, and only then removes them from the document. A crash in between means the
 * message is handed over again: consumers and the timer store are idempotent by id.
 *
 * <p>It works from the markers of {@link OutboxMarkers}, oldest due first. A document whose message is refused is
 * tried again with a growing back-off and parked after {@code maxAttempts} (kept, counted, shown in health) without
 * holding back any other document. A broker or store that is away is different: the whole pass stops and is tried
 * again after {@code failureBackoff}, counting no attempt against any document.
 *
 * <p>A pass hands over up to {@code lanes} documents at a time, so the broker's acknowledgements and the store's
 * writes of different documents overlap instead of queueing one behind the other. Documents whose events share a
 * Kafka key (so a partition, and an order consumers see) go in one lane, in the order their markers came: within a
 * pass their events leave in that order, as they did when the relay had one lane.
 */
public class OutboxRelay extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** A marker whose document never appeared is a write that crashed before it landed, once this old. */
    private static final Duration ORPHAN_AGE = Duration.ofMinutes(5);

    private final EventPublisher publisher;
    private final TimerStore timers;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration idleInterval;
    private final Duration failureBackoff;
    private final int maxAttempts;
    private final ObservationRegistry observations;
    private final Map<String, AggregateStore<?>> stores = new ConcurrentHashMap<>();
    private volatile OutboxMarkers markers;
    private final Semaphore wake = new Semaphore(0);
    private final ThreadPoolExecutor laneWorkers;

    public OutboxRelay(EventPublisher publisher, TimerStore timers, MeterRegistry meters, Clock clock,
            Duration idleInterval, Duration failureBackoff, int maxAttempts) {
        this(publisher, timers, meters, clock, idleInterval, failureBackoff, maxAttempts, ObservationRegistry.NOOP, 1);
    }

    /**
     * With the observations that carry a stored trace context on to the publishing of its message, and the number of
     * documents handed over at a time ({@code lanes}; 1 hands them over one by one on the relay's own thread).
     */
    public OutboxRelay(EventPublisher publisher, TimerStore timers, MeterRegistry meters, Clock clock,
            Duration idleInterval, Duration failureBackoff, int maxAttempts, ObservationRegistry observations,
            int lanes) {
        super("outbox-relay");
        if (lanes < 1) {
            throw new IllegalArgumentException("peersupport.outbox.lanes must be at least 1, was " + lanes);
        }
        this.laneWorkers = lanes == 1 ? null : laneWorkers(lanes);
        this.observations = observations;
        this.publisher = publisher;
        this.timers = timers;
        this.meters = meters;
        this.clock = clock;
        this.idleInterval = idleInterval;
        this.failureBackoff = failureBackoff;
        this.maxAttempts = maxAttempts;
    }

    void register(AggregateStore<?> store) {
        stores.put(store.collection(), store);
        if (markers == null) {
            markers = store.markers();
            meters.gauge("peersupport.outbox.parked", markers, OutboxMarkers::countParked);
            TimeGauge.builder("peersupport.outbox.oldest_age", this, TimeUnit.SECONDS, OutboxRelay::oldestPendingAge)
                    .description("age of the oldest message not yet handed over (0 when none waits)")
                    .register(meters);
        }
        meters.gauge("peersupport.outbox.pending", List.of(Tag.of("collection", store.collection())), store,
                AggregateStore::countPending);
    }

    Instant now() {
        return clock.instant();
    }

    /** Asks the relay to look now rather than at its next idle tick. */
    public void wakeUp() {
        wake.release();
    }

    /** Documents parked because their message was refused too often (0 before any store is registered). */
    public long parkedCount() {
        return markers == null ? 0 : markers.countParked();
    }

    /** Seconds since the oldest message not yet handed over was written; 0 when nothing waits. */
    public double oldestPendingAge() {
        Instant oldest = markers == null ? null : markers.oldestCreatedAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** Documents that hold messages not yet handed over. */
    public long pendingCount() {
        return stores.values().stream().mapToLong(AggregateStore::countPending).sum();
    }

    /**
     * Relays what is due once; true when something was handed over. Throws only when the broker or the store is
     * away, after handing over what it could.
     */
    public boolean relayOnce() {
        if (markers == null) {
            return false;
        }
        Instant now = clock.instant();
        List<Due<?>> due = markers.due(now, BATCH).stream()
                .filter(marker -> stores.containsKey(marker.collection()))
                .<Due<?>>map(marker -> Due.of(stores.get(marker.collection()), marker))
                .toList();
        if (laneWorkers == null || due.size() < 2) {
            return handOverInOrder(due, now, new AtomicReference<>());
        }
        inParallel(due.stream().<Callable<Boolean>>map(one -> () -> one.load()).toList(), new AtomicReference<>());
        AtomicReference<RuntimeException> outage = new AtomicReference<>();
        return inParallel(sameKeyGroups(due).stream()
                .<Callable<Boolean>>map(group -> () -> handOverInOrder(group, now, outage)).toList(), outage);
    }

    /** Hands these over one after the other, stopping at an outage (this lane's, or another's seen meanwhile). */
    private boolean handOverInOrder(List<Due<?>> group, Instant now, AtomicReference<RuntimeException> outage) {
        boolean any = false;
        for (Due<?> one : group) {
            if (outage.get() != null) {
                break;
            }
            try {
                any |= relay(one, now);
            } catch (RuntimeException away) {
                outage.compareAndSet(null, away);
                throw away;
            }
        }
        return any;
    }

    /**
     * Runs the tasks on the lanes and waits for them all; true when any returned true. The first failure is thrown
     * once every task has ended (with the others suppressed in it), so nothing is still writing when the pass is over.
     * A relay told to stop meanwhile stops waiting: each lane finishes the document in hand, uninterrupted (a send cut
     * short would count against its document as a refusal), and takes no other.
     */
    private boolean inParallel(List<Callable<Boolean>> tasks, AtomicReference<RuntimeException> outage) {
        List<Future<Boolean>> running = new ArrayList<>(tasks.size());
        tasks.forEach(task -> running.add(laneWorkers.submit(task)));
        boolean any = false;
        RuntimeException first = null;
        for (Future<Boolean> task : running) {
            try {
                any |= task.get();
            } catch (ExecutionException failed) {
                RuntimeException cause = failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(failed.getCause());
                if (first == null) {
                    first = cause;
                } else if (cause != first) {
                    first.addSuppressed(cause);
                }
            } catch (InterruptedException stopping) {
                CancellationException stop = new CancellationException("the relay is stopping");
                outage.compareAndSet(null, stop);
                running.forEach(other -> other.cancel(false));
                Thread.currentThread().interrupt();
                throw stop;
            }
        }
        if (first != null) {
            throw first;
        }
        return any;
    }

    /**
     * The pass's documents in groups that must keep their order: two documents are in one group when an event of
     * each has the same key. A document with no event (timers only, or gone) is a group of its own. Groups and their
     * members keep the markers' order.
     */
    private static List<List<Due<?>>> sameKeyGroups(List<Due<?>> due) {
        Map<String, Integer> groupOfKey = new HashMap<>();
        int[] parent = new int[due.size()];
        for (int i = 0; i < due.size(); i++) {
            parent[i] = i;
            for (String key : due.get(i).eventKeys()) {
                Integer earlier = groupOfKey.putIfAbsent(key, i);
                if (earlier != null) {
                    parent[root(parent, i)] = root(parent, earlier);
                }
            }
        }
        Map<Integer, List<Due<?>>> groups = new LinkedHashMap<>();
        for (int i = 0; i < due.size(); i++) {
            groups.computeIfAbsent(root(parent, i), group -> new ArrayList<>()).add(due.get(i));
        }
        return List.copyOf(groups.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** A marker due in this pass, with its store and (once loaded) its document as it was read. */
    private static final class Due<D extends OutboxDocument> {
        final AggregateStore<D> store;
        final OutboxMarker marker;
        private Optional<D> document;

        private Due(AggregateStore<D> store, OutboxMarker marker) {
            this.store = store;
            this.marker = marker;
        }

        static <D extends OutboxDocument> Due<D> of(AggregateStore<D> store, OutboxMarker marker) {
            return new Due<>(store, marker);
        }

        boolean load() {
            document = store.find(marker.documentId());
            return false;
        }

        Optional<D> document() {
            if (document == null) {
                load();
            }
            return document;
        }

        List<String> eventKeys() {
            return document().map(found -> found.getOutbox().stream()
                    .filter(message -> message.kind() == OutboxMessage.Kind.EVENT)
                    .map(OutboxMessage::key).distinct().toList()).orElse(List.of());
        }
    }

    private <D extends OutboxDocument> boolean relay(Due<D> due, Instant now) {
        AggregateStore<D> store = due.store;
        OutboxMarker marker = due.marker;
        Optional<D> found = due.document();
        if (found.isEmpty()) {
            if (marker.createdAt().isBefore(now.minus(ORPHAN_AGE))) {
                markers.clear(marker);
            }
            return false;
        }
        List<String> done = new ArrayList<>();
        RuntimeException refused = null;
        try {
            for (OutboxMessage message : found.get().getOutbox()) {
                handOver(message);
                done.add(message.messageId());
            }
        } catch (RuntimeException failure) {
            if (Failures.isTransient(failure)) {
                markSent(store, marker, done, false);
                throw failure;
            }
            // This document's later messages wait (its order is kept), but no other document does.
            refused = failure;
        }
        boolean any = markSent(store, marker, done, refused == null);
        if (refused != null) {
            failed(marker, refused, now);
        } else {
            markers.succeeded(marker);
        }
        return any;
    }

    /** Removes what was handed over, and clears the marker when that left the document with nothing pending. */
    private <D extends OutboxDocument> boolean markSent(AggregateStore<D> store, OutboxMarker marker,
            List<String> done, boolean mayClear) {
        if (done.isEmpty() && !mayClear) {
            return false;
        }
        // Even with nothing sent the version is bumped before the marker may go: a writer that read the document
        // before this pass, and touched the marker before it was read here, then loses its guard, reads again and
        // touches the marker again, instead of landing its messages behind a marker just cleared.
        Optional<D> after = store.markSent(marker.documentId(), done);
        if (mayClear && after.map(document -> !document.isPending()).orElse(true)) {
            markers.clear(marker); // nothing left: all sent, a write that never landed its messages, or a zombie
        }
        return !done.isEmpty();
    }

    private void failed(OutboxMarker marker, RuntimeException refused, Instant now) {
        int attempts = marker.attempts() + 1;
        boolean park = attempts >= maxAttempts;
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempts - 1, 16));
        markers.failed(marker, now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff), park);
        meters.counter("peersupport.outbox.failures").increment();
        if (park) {
            meters.counter("peersupport.outbox.parkings", "collection", marker.collection()).increment();
            log.error("a message of {} was refused {} times ({}); parked", marker.id(), attempts,
                    refused.getClass().getSimpleName());
        } else {
            log.warn("a message of {} was refused ({}), attempt {}", marker.id(),
                    refused.getClass().getSimpleName(), attempts);
        }
    }

    private void handOver(OutboxMessage message) {
        MDC.put(Correlation.MDC_KEY, message.correlationId());
        try {
            switch (message.kind()) {
                case EVENT -> {
                    continueTrace(message).observe(() -> publisher.publish(message));
                    meters.counter("peersupport.outbox.published", "type", message.type()).increment();
                }
                case TIMER -> timers.schedule(message.messageId(), message.type(), message.key(), message.hospitalId(),
                        message.dueAt(), message.correlationId(), message.timerPayload());
            }
        } finally {
            Correlation.clear();
        }
    }

    /**
     * The trace of the write that promised this event goes on here: an observation whose parent is the stored
     * context, so the producer's span (and the {@code traceparent} header it sends) belongs to that trace.
     */
    private Observation continueTrace(OutboxMessage message) {
        String traceparent = message.traceparent();
        if (!TraceContext.isValid(traceparent) || observations.isNoop()) {
            return Observation.NOOP;
        }
        return Observation.createNotStarted("peersupport.outbox.relay", () -> {
            ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get);
            context.setCarrier(Map.of(TraceContext.HEADER, traceparent));
            context.setRemoteServiceName("outbox");
            return context;
        }, observations).lowCardinalityKeyValue("type", message.type());
    }

    /** Parked documents get another chance when the service starts, which is how a fix reaches them. */
    @Override
    public void start() {
        try {
            if (markers != null && markers.unparkAll() > 0) {
                log.info("parked outbox documents put back on the relay's work list");
            }
        } catch (RuntimeException storeAway) {
            log.warn("could not put parked outbox documents back ({})", storeAway.getClass().getSimpleName());
        }
        super.start();
    }

    /** Daemon threads that end after half a minute without work, so an idle relay holds none. */
    private static ThreadPoolExecutor laneWorkers(int lanes) {
        AtomicInteger made = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(lanes, lanes, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, "outbox-relay-lane-" + made.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        workers.allowCoreThreadTimeOut(true);
        return workers;
    }

    @Override
    protected Duration runOnce() {
        try {
            return relayOnce() ? Duration.ZERO : idleInterval;
        } catch (RuntimeException failure) {
            if (!isRunning()) {
                return failureBackoff; // stopping: the interrupt cut a call short, which is no outage
            }
            log.warn("outbox relay paused ({}); trying again in {} ms", failure.getClass().getSimpleName(),
                    failureBackoff.toMillis());
            meters.counter("peersupport.outbox.outages").increment();
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
