package org.peersupport.events;

import java.time.Instant;

/** The supporter recorded that they reached the person; {@code inTime} when before the first-contact clock ran out. */
public record FirstContactMade(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String caseId,
        String supporterId,
        Instant dueAt,
        boolean inTime) implements DomainEvent {

    @Override
    public String subject() {
        return caseId;
    }
}
