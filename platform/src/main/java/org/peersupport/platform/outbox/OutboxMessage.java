package org.peersupport.platform.outbox;

import java.time.Instant;

/**
 * One thing an aggregate's write promised to do after it is stored: publish an event, or schedule a timer.
 * It lives inside the aggregate's own document until the relay has done it.
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
        String correlationId) {

    public enum Kind {
        EVENT, TIMER
    }
}
