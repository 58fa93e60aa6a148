package org.peersupport.events;

import java.time.Instant;

/** An open offer of a request was withdrawn: someone else took it (a broadcast, or the coordinator assigned by hand) or the request ended. */
public record OfferWithdrawn(
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
