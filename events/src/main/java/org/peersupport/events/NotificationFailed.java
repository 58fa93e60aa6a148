package org.peersupport.events;

import java.time.Instant;
import java.util.List;

/**
 * A notice reached none of a recipient's outside channels (email, SMS) within the retry budget of each; the in-app
 * inbox still holds it, and the hospital's coordinator sees the failure. Which channels were tried, never an address.
 */
public record NotificationFailed(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String notificationId,
        String recipientId,
        String reason,
        List<String> channelsTried) implements DomainEvent {

    public NotificationFailed {
        channelsTried = List.copyOf(channelsTried);
    }

    @Override
    public String subject() {
        return notificationId;
    }
}
