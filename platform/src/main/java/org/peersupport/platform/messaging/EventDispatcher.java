package org.peersupport.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Builds the Cloud Stream consumer of one service: reads the CloudEvents headers, decodes the data of the types the
 * service handles, ignores the rest, and turns a failure into an exception free of data so the binder retries and
 * then dead-letters the record. Handlers must be idempotent by event id; the offset is committed only after they
 * return.
 */
public class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final EventCodec codec;
    private final MeterRegistry meters;

    public EventDispatcher(EventCodec codec, MeterRegistry meters) {
        this.codec = codec;
        this.meters = meters;
    }

    public Builder consumer() {
        return new Builder();
    }

    /** Collects the handlers of one consumer binding. */
    public final class Builder {

        private final Map<EventType, Consumer<DomainEvent>> handlers = new HashMap<>();

        @SuppressWarnings("unchecked")
        public <E extends DomainEvent> Builder on(Class<E> eventClass, Consumer<E> handler) {
            EventType type = java.util.Arrays.stream(EventType.values()).filter(t -> t.javaType() == eventClass)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unregistered " + eventClass));
            handlers.put(type, event -> handler.accept((E) event));
            return this;
        }

        public Consumer<Message<byte[]>> build() {
            Map<EventType, Consumer<DomainEvent>> frozen = Map.copyOf(handlers);
            return message -> dispatch(frozen, message);
        }
    }

    private void dispatch(Map<EventType, Consumer<DomainEvent>> handlers, Message<byte[]> message) {
        String wireType = CloudEventHeaders.read(message, CloudEventHeaders.TYPE);
        String eventId = CloudEventHeaders.read(message, CloudEventHeaders.ID);
        EventType type = wireType == null ? null : EventType.ofWireType(wireType).orElse(null);
        if (type == null || !handlers.containsKey(type)) {
            return;
        }
        Correlation.adopt(CloudEventHeaders.read(message, Correlation.CE_HEADER));
        try {
            DomainEvent event = codec.decode(type, message.getPayload());
            handlers.get(type).accept(event);
            meters.counter("peersupport.events.handled", "type", wireType, "outcome", "ok").increment();
            log.debug("handled {} {}", wireType, eventId);
        } catch (UndecodableEventException undecodable) {
            meters.counter("peersupport.events.handled", "type", wireType, "outcome", "undecodable").increment();
            log.warn("undecodable {} {}: dead-lettering", wireType, eventId);
            throw undecodable;
        } catch (RuntimeException failure) {
            meters.counter("peersupport.events.handled", "type", wireType, "outcome", "failed").increment();
            log.warn("handling {} {} failed ({}); the binder retries, then dead-letters", wireType, eventId,
                    failure.getClass().getSimpleName());
            throw new EventHandlingFailedException(wireType, eventId, failure.getClass());
        } finally {
            Correlation.clear();
        }
    }
}
