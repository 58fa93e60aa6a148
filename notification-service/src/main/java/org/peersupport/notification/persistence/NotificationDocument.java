package org.peersupport.notification.persistence;

import java.time.Instant;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Notice;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one recipient on one channel. Its id derives from the event that caused it, so a redelivered
 * event finds the message already there and nobody is told twice.
 */
@Document(NotificationDocument.COLLECTION)
public class NotificationDocument extends OutboxDocument {

    public static final String COLLECTION = "notifications";

    private String hospitalId;
    private String recipientId;
    private Channel channel;
    private Notice notice;
    private String text;
    private String aboutId;
    private Instant createdAt;
    private Instant readAt;

    protected NotificationDocument() {
    }

    public NotificationDocument(String id, String hospitalId, String recipientId, Channel channel, Notice notice,
            String aboutId, Instant createdAt) {
        super(id);
        this.hospitalId = hospitalId;
        this.recipientId = recipientId;
        this.channel = channel;
        this.notice = notice;
        this.text = notice.text();
        this.aboutId = aboutId;
        this.createdAt = createdAt;
    }

    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public String getHospitalId() {
        return hospitalId;
    }

    public String getRecipientId() {
        return recipientId;
    }

    public Channel getChannel() {
        return channel;
    }

    public Notice getNotice() {
        return notice;
    }

    public String getText() {
        return text;
    }

    public String getAboutId() {
        return aboutId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
