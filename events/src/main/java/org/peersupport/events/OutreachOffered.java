package org.peersupport.events;

import java.time.Instant;

/**
 * A staff member, by pseudonymous {@code staffRef} (the same reference intake gives them as a requester), was offered
 * peer support until {@code expiresAt}. Nothing about what happened or who referred them.
 */
public record OutreachOffered(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String offerId,
        String staffRef,
        OutreachOrigin origin,
        Instant expiresAt) implements DomainEvent {

    @Override
    public String subject() {
        return offerId;
    }
}
