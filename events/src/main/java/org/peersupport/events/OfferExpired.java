package org.peersupport.events;

import java.time.Instant;

/** The offer of a request ran out before the supporter answered; it goes to the next candidate. */
public record OfferExpired(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String requestId,
        String supporterId) implements DomainEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
