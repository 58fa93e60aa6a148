package org.peersupport.events;

import java.time.Instant;

/** A supporter was chosen for a request. */
public record SupporterAssigned(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String requestId,
        String requesterRef,
        String supporterId) implements DomainEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
