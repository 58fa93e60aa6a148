package org.peersupport.platform.timers;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.peersupport.platform.messaging.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.peersupport.platform.BackgroundWorker;

/** Claims due timers and hands each to the handler of its type; a failure releases it for a later retry. */
public class TimerPoller extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);

    private final TimerStore store;
    private final Map<String, TimerHandler> handlers;
    private final MeterRegistry meters;
    private final Duration pollInterval;
    private final Duration lease;

    public TimerPoller(TimerStore store, List<TimerHandler> handlers, MeterRegistry meters, Duration pollInterval,
            Duration lease) {
        super("timer-poller");
        this.store = store;
        this.handlers = handlers.stream().collect(Collectors.toMap(TimerHandler::type, Function.identity()));
        this.meters = meters;
        this.pollInterval = pollInterval;
        this.lease = lease;
    }

    /** Fires every timer that is due now; returns how many fired. */
    public int fireDue() {
        int fired = 0;
        for (Optional<TimerTask> next = store.claimDue(lease); next.isPresent(); next = store.claimDue(lease)) {
            if (fire(next.get())) {
                fired++;
            }
        }
        return fired;
    }

    private boolean fire(TimerTask task) {
        Correlation.adopt(task.correlationId());
        try {
            TimerHandler handler = handlers.get(task.type());
            if (handler == null) {
                log.warn("no handler for timer type {}; timer {} dropped", task.type(), task.id());
                store.complete(task);
                return false;
            }
            handler.fire(task);
            store.complete(task);
            meters.counter("peersupport.timers.fired", "type", task.type()).increment();
            return true;
        } catch (RuntimeException failure) {
            Duration backoff = Duration.ofSeconds(Math.min(300, 1L << Math.min(task.attempts(), 8)));
            log.warn("timer {} of type {} failed ({}), attempt {}; retry in {}s", task.id(), task.type(),
                    failure.getClass().getSimpleName(), task.attempts(), backoff.toSeconds());
            meters.counter("peersupport.timers.failures", "type", task.type()).increment();
            store.release(task, backoff);
            return false;
        } finally {
            Correlation.clear();
        }
    }

    @Override
    protected Duration runOnce() {
        try {
            fireDue();
        } catch (RuntimeException failure) {
            log.warn("timer poll failed ({})", failure.getClass().getSimpleName());
        }
        return pollInterval;
    }
}
