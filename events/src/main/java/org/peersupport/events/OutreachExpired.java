package org.peersupport.events;

import java.time.Instant;

/** An outreach offer ran out unanswered. No person: unanswered offers are counted only in aggregate. */
public record OutreachExpired(String eventId, Instant occurredAt, String hospitalId, String offerId,
        OutreachOrigin origin) implements DomainEvent {

    @Override
    public String subject() {
        return offerId;
    }
}
