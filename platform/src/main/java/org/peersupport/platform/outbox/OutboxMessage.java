package org.peersupport.platform.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * One thing an aggregate's write promised to do after it is stored: publish an event, or schedule a timer.
 * It lives inside the aggregate's own document until the relay has done it. A timer may carry a small payload;
 * messages stored before timers had one read it as empty. {@code traceparent} is the trace context of the write that
 * promised it (none with tracing off, or in messages stored before traces were kept), restored when it is handed over.
 */
public record OutboxMessage(
        String messageId,
        Kind kind,
        String type,
        String topic,
        String key,
        String hospitalId,
        String payload,
        Instant occurredAt,
        Instant dueAt,
        String correlationId,
        Map<String, String> timerPayload,
        String traceparent) {

    public OutboxMessage {
        timerPayload = timerPayload == null ? Map.of() : Map.copyOf(timerPayload);
    }

    /** A message without a trace context (written before traces were kept, or with tracing off). */
    public OutboxMessage(String messageId, Kind kind, String type, String topic, String key, String hospitalId,
            String payload, Instant occurredAt, Instant dueAt, String correlationId, Map<String, String> timerPayload) {
        this(messageId, kind, type, topic, key, hospitalId, payload, occurredAt, dueAt, correlationId, timerPayload,
                null);
    }

    public enum Kind {
        EVENT, TIMER
    }
}
