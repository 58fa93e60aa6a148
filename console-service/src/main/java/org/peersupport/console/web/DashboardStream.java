package org.peersupport.console.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.peersupport.console.application.DashboardChanges;
import org.peersupport.console.application.DashboardProperties;
import org.peersupport.console.application.DashboardService;
import org.peersupport.console.application.DashboardService.Range;
import org.peersupport.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live dashboards: each open stream gets the figures at once, then again whenever this instance's projection
 * changed the read model, and at least every {@code stream-refresh} (which brings in what other instances of the
 * console wrote), but only when the figures differ from what it was last sent. A stream lasts 10 minutes, so a
 * token that expires meanwhile is not honoured for long; the page opens a new one.
 */
@Component
class DashboardStream implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final DashboardService dashboards;
    private final DashboardChanges changes;
    private final DashboardProperties properties;
    private final Map<SseEmitter, Subscription> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-stream");
        thread.setDaemon(true);
        return thread;
    });

    DashboardStream(DashboardService dashboards, DashboardChanges changes, DashboardProperties properties) {
        this.dashboards = dashboards;
        this.changes = changes;
        this.properties = properties;
        long tick = properties.streamTick().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    SseEmitter open(Caller caller, Range range) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        Subscription subscription = new Subscription(caller, range);
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> open.remove(emitter));
        emitter.onError(failure -> open.remove(emitter));
        open.put(emitter, subscription);
        ticker.execute(() -> send(emitter, subscription));
        return emitter;
    }

    private void tick() {
        long version = changes.version();
        Instant now = Instant.now();
        open.forEach((emitter, subscription) -> {
            if (subscription.sentVersion != version
                    || !now.isBefore(subscription.sentAt.plus(properties.streamRefresh()))) {
                send(emitter, subscription);
            }
        });
    }

    private void send(SseEmitter emitter, Subscription subscription) {
        long version = changes.version();
        try {
            Map<String, Object> view = DashboardView.of(dashboards.network(subscription.caller, subscription.range));
            subscription.sentVersion = version;
            subscription.sentAt = Instant.now();
            // "asOf" changes every time; the figures are what must have changed.
            Map<String, Object> figures = new java.util.LinkedHashMap<>(view);
            figures.remove("asOf");
            if (Objects.equals(figures, subscription.lastFigures)) {
                return;
            }
            subscription.lastFigures = figures;
            emitter.send(SseEmitter.event().name("dashboard").data(view, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            open.remove(emitter);
        } catch (RuntimeException failure) {
            // The store away: the stream stays open and the next tick tries again.
            log.warn("dashboard stream refresh failed ({})", failure.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        open.keySet().forEach(SseEmitter::complete);
    }

    /** What one open stream asked for and was last sent. Touched only by the ticker thread. */
    private static final class Subscription {
        final Caller caller;
        final Range range;
        long sentVersion = -1;
        Instant sentAt = Instant.EPOCH;
        Map<String, Object> lastFigures;

        Subscription(Caller caller, Range range) {
            this.caller = caller;
            this.range = range;
        }
    }
}
