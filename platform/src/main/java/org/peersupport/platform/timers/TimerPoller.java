package org.peersupport.platform.timers;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.peersupport.platform.BackgroundWorker;
import org.peersupport.platform.messaging.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due timers and hands each to the handler of its type. A failure releases the timer for a later retry with
 * back-off; after {@code maxAttempts} failures it is parked (kept, counted, visible in health). A timer whose type no
 * handler here knows is released, never dropped: during a rolling deploy another instance may know it.
 */
public class TimerPoller extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);
    private static final int BATCH = 50;
    private static final long MAX_BACKOFF_SECONDS = 300;

    private final TimerStore store;
    private final Map<String, TimerHandler> handlers;
    private final MeterRegistry meters;
    private final Duration pollInterval;
    private final Duration lease;
    private final int maxAttempts;

    public TimerPoller(TimerStore store, List<TimerHandler> handlers, MeterRegistry meters, Duration pollInterval,
            Duration lease, int maxAttempts) {
        super("timer-poller");
        this.store = store;
        this.handlers = handlers.stream().collect(Collectors.toMap(TimerHandler::type, Function.identity()));
        this.meters = meters;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        meters.gauge("peersupport.timers.parked", store, TimerStore::countParked);
    }

    /** Fires every timer that is due now; returns how many fired. */
    public int fireDue() {
        int fired = 0;
        for (List<TimerTask> batch = store.claimDue(lease, BATCH); !batch.isEmpty();
                batch = store.claimDue(lease, BATCH)) {
            for (TimerTask task : batch) {
                if (fire(task)) {
                    fired++;
                }
            }
        }
        return fired;
    }

    private boolean fire(TimerTask task) {
        Correlation.adopt(task.correlationId());
        try {
            TimerHandler handler = handlers.get(task.type());
            if (handler == null) {
                Duration backoff = backoff(task);
                log.warn("no handler here for timer type {}; timer {} released for {}s", task.type(), task.id(),
                        backoff.toSeconds());
                meters.counter("peersupport.timers.unhandled", "type", task.type()).increment();
                store.release(task, backoff);
                return false;
            }
            handler.fire(task);
            store.complete(task);
            meters.counter("peersupport.timers.fired", "type", task.type()).increment();
            return true;
        } catch (RuntimeException failure) {
            meters.counter("peersupport.timers.failures", "type", task.type()).increment();
            if (task.attempts() >= maxAttempts) {
                log.error("timer {} of type {} failed {} times ({}); parked", task.id(), task.type(),
                        task.attempts(), failure.getClass().getSimpleName());
                meters.counter("peersupport.timers.parkings", "type", task.type()).increment();
                store.park(task);
                return false;
            }
            Duration backoff = backoff(task);
            log.warn("timer {} of type {} failed ({}), attempt {}; retry in {}s", task.id(), task.type(),
                    failure.getClass().getSimpleName(), task.attempts(), backoff.toSeconds());
            store.release(task, backoff);
            return false;
        } finally {
            Correlation.clear();
        }
    }

    private static Duration backoff(TimerTask task) {
        return Duration.ofSeconds(Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(task.attempts(), 9)));
    }

    /** Parked timers get another chance when the service starts, which is how a fix reaches them. */
    @Override
    public void start() {
        try {
            int unparked = store.unparkAll();
            if (unparked > 0) {
                log.info("{} parked timers put back on the schedule", unparked);
            }
        } catch (RuntimeException storeAway) {
            log.warn("could not put parked timers back ({})", storeAway.getClass().getSimpleName());
        }
        super.start();
    }

    @Override
    protected Duration runOnce() {
        try {
            fireDue();
        } catch (RuntimeException failure) {
            if (isRunning()) {
                log.warn("timer poll failed ({})", failure.getClass().getSimpleName());
            }
        }
        return pollInterval;
    }
}
