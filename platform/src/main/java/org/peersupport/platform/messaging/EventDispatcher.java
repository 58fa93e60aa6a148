package org.peersupport.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.EventType;
import org.peersupport.platform.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Builds the Cloud Stream consumer of one service: reads the CloudEvents headers, decodes the data of the types the
 * service handles, and ignores (and counts) the rest. A transient failure (the store away, a timeout, a lost
 * optimistic-concurrency race) is retried here without limit with back-off, holding the partition, so an outage never
 * dead-letters good events. Any other failure becomes an exception free of data, which the binder retries a few times
 * and then dead-letters. Handlers must be idempotent by event id; the offset is committed only after they return.
 */
public class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);
    private static final Pattern SAFE_RECORD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final EventCodec codec;
    private final MeterRegistry meters;
    private final TrustPolicy trust = new TrustPolicy();
    private final Set<EventType> handled = ConcurrentHashMap.newKeySet();
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    public EventDispatcher(EventCodec codec, MeterRegistry meters) {
        this(codec, meters, Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    /** With the back-off between tries of a transiently failing handler: doubling from the first up to the max. */
    public EventDispatcher(EventCodec codec, MeterRegistry meters, Duration firstBackoff, Duration maxBackoff) {
        this.codec = codec;
        this.meters = meters;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    public Builder consumer() {
        return new Builder();
    }

    /**
     * The types the consumers built here act on; any other type is passed over. Lets a test send each topic a type
     * that reaches a handler (the bad-input corpus), so a refused record is told from one merely not read.
     */
    public Set<EventType> handledTypes() {
        return Set.copyOf(handled);
    }

    /** Collects the handlers of one consumer binding. */
    public final class Builder {

        private final Map<EventType, Consumer<DomainEvent>> handlers = new HashMap<>();

        @SuppressWarnings("unchecked")
        public <E extends DomainEvent> Builder on(Class<E> eventClass, Consumer<E> handler) {
            handlers.put(EventType.of(eventClass), event -> handler.accept((E) event));
            return this;
        }

        public Consumer<Message<byte[]>> build() {
            Map<EventType, Consumer<DomainEvent>> frozen = Map.copyOf(handlers);
            handled.addAll(frozen.keySet());
            return message -> dispatch(frozen, message);
        }
    }

    private void dispatch(Map<EventType, Consumer<DomainEvent>> handlers, Message<byte[]> message) {
        String wireType = CloudEventHeaders.read(message, CloudEventHeaders.TYPE);
        String eventId = CloudEventHeaders.read(message, CloudEventHeaders.ID);
        EventType type = wireType == null ? null : EventType.ofWireType(wireType).orElse(null);
        if (wireType == null) {
            meters.counter("peersupport.events.handled", "type", "none", "outcome", "undecodable").increment();
            throw new UndecodableEventException("(no ce_type)", "missing ce_type header");
        }
        if (type == null) {
            // A newer producer's type: nothing here can act on it, but it must not pass unseen.
            meters.counter("peersupport.events.ignored", "type", wireType, "reason", "unknown-type").increment();
            log.warn("unknown event type {} {} skipped", wireType, eventId);
            return;
        }
        if (!handlers.containsKey(type)) {
            return;
        }
        handle(wireType, eventId, message, () -> {
            trust.checkSource(type, eventId, message);
            DomainEvent event = trust.checkHospital(type, codec.decode(type, message.getPayload()));
            handlers.get(type).accept(event);
        });
    }

    /**
     * A consumer of records that are not events of ours (a hospital system's triggers): {@code handler} checks and
     * decodes each record itself, throwing {@link UndecodableEventException} or {@link UntrustedEventException} for
     * one that must go to the dead-letter topic at once. Everything else is met as for events: transient failures
     * waited out, other failures retried by the binder, then dead-lettered. {@code kind} names the records in metrics
     * and logs, so no value a foreign producer chose ever becomes a metric tag.
     */
    public Consumer<Message<byte[]>> foreign(String kind, Consumer<Message<byte[]>> handler) {
        return message -> handle(kind, foreignId(message), message, () -> handler.accept(message), this::rethrow);
    }

    /**
     * As {@link #foreign(String, Consumer)}, for records that may hold what must never be kept (patient data): a
     * record refused or failing for good is not handed to the binder's dead-letter topic as it was sent, but
     * replaced there by a {@link RedactedDeadLetters redacted} letter on {@code deadLetterTopic}, at once.
     */
    public Consumer<Message<byte[]>> foreign(String kind, Consumer<Message<byte[]>> handler,
            RedactedDeadLetters letters, String deadLetterTopic) {
        return message -> {
            String id = foreignId(message);
            handle(kind, id, message, () -> handler.accept(message), failure -> handleWaitingOutTransientFailures(
                    () -> letters.send(deadLetterTopic, message, reason(failure)), kind, id));
        };
    }

    private static String foreignId(Message<byte[]> message) {
        String id = CloudEventHeaders.read(message, CloudEventHeaders.ID);
        return id != null && SAFE_RECORD_ID.matcher(id).matches() ? id : "(unreadable id)";
    }

    /** Our own exceptions say only what the checks chose to say; anything else is named by its class alone. */
    private static String reason(RuntimeException failure) {
        return failure instanceof UndecodableEventException || failure instanceof UntrustedEventException
                || failure instanceof EventHandlingFailedException ? failure.getMessage()
                        : failure.getClass().getSimpleName();
    }

    private void rethrow(RuntimeException failure) {
        throw failure;
    }

    private void handle(String wireType, String eventId, Message<byte[]> message, Runnable work) {
        handle(wireType, eventId, message, work, this::rethrow);
    }

    /** Runs {@code work}, and hands what cannot be handled (its exception free of data) to {@code refuse}. */
    private void handle(String wireType, String eventId, Message<byte[]> message, Runnable work,
            Consumer<RuntimeException> refuse) {
        Correlation.adopt(CloudEventHeaders.read(message, Correlation.CE_HEADER));
        try {
            handleWaitingOutTransientFailures(work, wireType, eventId);
            meters.counter("peersupport.events.handled", "type", wireType, "outcome", "ok").increment();
            log.debug("handled {} {}", wireType, eventId);
        } catch (UndecodableEventException undecodable) {
            meters.counter("peersupport.events.handled", "type", wireType, "outcome", "undecodable").increment();
            log.warn("undecodable {} {}: dead-lettering", wireType, eventId);
            refuse.accept(undecodable);
        } catch (UntrustedEventException untrusted) {
            meters.counter("peersupport.events.handled", "type", wireType, "outcome", "untrusted").increment();
            meters.counter("peersupport.events.untrusted", "type", wireType, "reason", untrusted.reason().tag())
                    .increment();
            log.warn("{}: dead-lettering", untrusted.getMessage());
            refuse.accept(untrusted);
        } catch (RuntimeException failure) {
            meters.counter("peersupport.events.handled", "type", wireType, "outcome", "failed").increment();
            log.warn("handling {} {} failed ({}); dead-lettered after the binder's retries, or at once when redacted",
                    wireType, eventId, failure.getClass().getSimpleName());
            refuse.accept(new EventHandlingFailedException(wireType, eventId, failure.getClass()));
        } finally {
            Correlation.clear();
        }
    }

    private void handleWaitingOutTransientFailures(Runnable work, String wireType, String eventId) {
        Duration backoff = firstBackoff;
        boolean interrupted = false;
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    work.run();
                    return;
                } catch (RuntimeException failure) {
                    if (!Failures.isTransient(failure)) {
                        throw failure;
                    }
                    meters.counter("peersupport.events.transient-failures", "type", wireType).increment();
                    log.warn("handling {} {} failed transiently ({}), attempt {}; trying again in {} ms", wireType,
                            eventId, failure.getClass().getSimpleName(), attempt, backoff.toMillis());
                    // Not even a shutdown ends the wait with a throw: the binder would dead-letter a good event.
                    // The process exits around this thread, and the unacknowledged record is delivered again.
                    try {
                        Thread.sleep(backoff.toMillis());
                    } catch (InterruptedException stopping) {
                        interrupted = true;
                    }
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff
                            : backoff.multipliedBy(2);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
