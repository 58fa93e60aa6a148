package org.peersupport.events;

import java.time.Instant;

/** The supporter referred the person of a case on to professional help: the category only, never a narrative. */
public record ReferralMade(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String caseId,
        String supporterId,
        ReferralCategory category) implements DomainEvent {

    @Override
    public String subject() {
        return caseId;
    }
}
