package org.peersupport.events;

import java.time.Instant;

/** The supporter recorded the outcome of a due check-in. */
public record CheckInRecorded(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String caseId,
        String supporterId,
        int checkInNumber,
        CheckInOutcome outcome) implements DomainEvent {

    @Override
    public String subject() {
        return caseId;
    }
}
