package org.peersupport.events;

import java.time.Instant;

/** The supporter declined the offer of a request (or went away while it was open); it goes to the next candidate. */
public record OfferDeclined(
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
