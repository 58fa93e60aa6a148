package org.peersupport.events;

import java.time.Instant;

/** The requester no longer wants support for this request. */
public record RequestWithdrawn(String eventId, Instant occurredAt, String hospitalId, String requestId)
        implements DomainEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
