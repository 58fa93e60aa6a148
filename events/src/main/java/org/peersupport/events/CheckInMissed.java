package org.peersupport.events;

import java.time.Instant;

/** A check-in fell due and its grace period ended without an outcome recorded. */
public record CheckInMissed(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String caseId,
        String supporterId,
        int checkInNumber,
        Instant dueAt) implements DomainEvent {

    @Override
    public String subject() {
        return caseId;
    }
}
