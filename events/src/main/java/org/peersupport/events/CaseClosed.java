package org.peersupport.events;

import java.time.Instant;

/** Follow-up closed a case: no more check-ins, the supporter's place is free, and the retention period starts. */
public record CaseClosed(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String caseId,
        String requestId,
        String supporterId,
        Instant closedAt,
        ClosureReason reason) implements DomainEvent {

    @Override
    public String subject() {
        return caseId;
    }
}
