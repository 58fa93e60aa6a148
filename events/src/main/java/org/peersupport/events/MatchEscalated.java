package org.peersupport.events;

import java.time.Instant;

/** No supporter could be found for a request; the hospital's coordinator must act. */
public record MatchEscalated(String eventId, Instant occurredAt, String hospitalId, String requestId, String reason)
        implements DomainEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
