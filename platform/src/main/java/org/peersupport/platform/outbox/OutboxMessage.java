package org.peersupport.platform.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * One thing an aggregate's write promised to do after it is stored: publish an event, or schedule a timer.
 * It lives inside the aggregate's own document until the relay has done it. A timer may carry a small payload;
 * messages stored before timers had one read it as empty.
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
        Map<String, String> timerPayload) {

    public OutboxMessage {
        timerPayload = timerPayload == null ? Map.of() : Map.copyOf(timerPayload);
    }

    public enum Kind {
        EVENT, TIMER
    }
}
