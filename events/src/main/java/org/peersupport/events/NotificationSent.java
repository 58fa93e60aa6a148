package org.peersupport.events;

import java.time.Instant;

/** A message reached a recipient's channel. It says which, never what. */
public record NotificationSent(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String notificationId,
        String recipientId,
        String channel,
        String reason) implements DomainEvent {

    @Override
    public String subject() {
        return notificationId;
    }
}
