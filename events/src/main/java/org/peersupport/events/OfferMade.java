package org.peersupport.events;

import java.time.Instant;

/** A request was offered to a supporter, open until {@code expiresAt}; only their acceptance assigns them. */
public record OfferMade(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String requestId,
        String supporterId,
        Instant expiresAt) implements DomainEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
