package org.peersupport.platform.timers;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A durable timer: due at {@code dueAt}, listed in slot {@code slot}, owned by whoever holds an unexpired lease. */
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
        long slot) {
}
