package org.peersupport.events;

import java.time.Instant;

/** An outreach offer was declined. No person and no reason: declines are counted only in aggregate. */
public record OutreachDeclined(String eventId, Instant occurredAt, String hospitalId, String offerId,
        OutreachOrigin origin) implements DomainEvent {

    @Override
    public String subject() {
        return offerId;
    }
}
