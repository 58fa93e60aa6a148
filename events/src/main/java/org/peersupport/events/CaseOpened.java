package org.peersupport.events;

import java.time.Instant;

/**
 * Follow-up opened a case for an assigned request and started its first-contact clock. Check-ins count from the
 * first contact, so {@code firstCheckInDueAt} is the earliest the first one can fall due (contact made at once);
 * {@code firstContactDueAt} came later (optional on the wire): when the first-contact clock runs out.
 */
public record CaseOpened(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String caseId,
        String supporterId,
        Instant firstCheckInDueAt,
        Instant firstContactDueAt) implements DomainEvent {

    @Override
    public String subject() {
        return caseId;
    }
}
