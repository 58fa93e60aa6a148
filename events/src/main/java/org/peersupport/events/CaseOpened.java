package org.peersupport.events;

import java.time.Instant;

/** Follow-up opened a case for an assigned request and scheduled its first check-in. */
public record CaseOpened(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String caseId,
        String supporterId,
        Instant firstCheckInDueAt) implements DomainEvent {

    @Override
    public String subject() {
        return caseId;
    }
}
