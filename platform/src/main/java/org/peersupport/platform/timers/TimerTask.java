package org.peersupport.platform.timers;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A durable timer: due at {@code dueAt}, listed in slot {@code slot}, owned by whoever holds an unexpired
 * lease, carrying the small payload its aggregate gave it.
 */
@Document("timers")
public record TimerTask(
        @Id String id,
        String type,
        String aggregateId,
        String hospitalId,
        Instant dueAt,
        Instant leaseUntil,
        String leaseToken,
        int attempts,
        String correlationId,
        long slot,
        Map<String, String> payload) {

    /** Timers stored before they had a payload read it as empty. */
    public TimerTask {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }
}
