package org.peersupport.notification.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.peersupport.events.NotificationSent;
import org.peersupport.platform.kernel.Decision;

/**
 * One message to one recipient on one channel. Its id derives from the event that caused it, so a redelivered
 * event finds the message already there and nobody is told twice.
 */
public record Notification(String id, String hospitalId, String recipientId, Channel channel, Notice notice,
        String text, String aboutId, Instant createdAt, Instant readAt) {

    /** The id of the message that {@code causeId} sends to {@code recipientId} on {@code channel}. */
    public static String idFor(String causeId, String recipientId, Channel channel) {
        return UUID.nameUUIDFromBytes((causeId + "\u0000" + recipientId + "\u0000" + channel)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Tells {@code recipientId} {@code notice}, and announces that it was sent. */
    public static Decision<Notification> send(String id, String hospitalId, String recipientId, Channel channel,
            Notice notice, String aboutId, Instant now) {
        Notification sent = new Notification(id, hospitalId, recipientId, channel, notice, notice.text(), aboutId,
                now, null);
        return Decision.to(sent).publishing(new NotificationSent(newEventId(), now, hospitalId, id, recipientId,
                channel.name(), notice.name()));
    }

    /** The recipient read it; reading it again changes nothing. */
    public Decision<Notification> markRead(Instant at) {
        if (readAt != null) {
            return Decision.unchanged(this);
        }
        return Decision.to(new Notification(id, hospitalId, recipientId, channel, notice, text, aboutId, createdAt,
                at));
    }
}
