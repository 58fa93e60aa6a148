package org.peersupport.events;

import java.time.Instant;

/** A case is over: matching frees the supporter's place, intake the requester's one open request. */
public record CaseClosed(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String caseId,
        String supporterId,
        ClosureReason reason) implements DomainEvent {

    @Override
    public String subject() {
        return caseId;
    }
}
