package org.peersupport.events;

import java.time.Instant;

/** A scheduled check-in of a case is due: the supporter should reach out. */
public record CheckInDue(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String caseId,
        String supporterId,
        int checkInNumber) implements DomainEvent {

    @Override
    public String subject() {
        return caseId;
    }
}
