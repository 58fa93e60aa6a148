package org.peersupport.events;

import java.time.Instant;

/** A case's clock ran out (e.g. no first contact in time): for the hospital's coordinator to act on. */
public record SlaBreached(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String caseId,
        String supporterId,
        SlaClock clock,
        Instant dueAt) implements DomainEvent {

    @Override
    public String subject() {
        return caseId;
    }
}
