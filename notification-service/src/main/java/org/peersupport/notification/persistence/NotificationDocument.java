package org.peersupport.notification.persistence;

import java.time.Instant;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Notice;
import org.peersupport.notification.domain.Notification;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** A notification as stored, with its outbox. */
@Document(NotificationDocument.COLLECTION)
public class NotificationDocument extends OutboxDocument implements HoldsState<Notification> {

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

    public NotificationDocument(Notification notification) {
        super(notification.id());
        apply(notification);
    }

    @Override
    public Notification toDomain() {
        return new Notification(getId(), hospitalId, recipientId, channel, notice, text, aboutId, createdAt, readAt);
    }

    @Override
    public void apply(Notification notification) {
        hospitalId = notification.hospitalId();
        recipientId = notification.recipientId();
        channel = notification.channel();
        notice = notification.notice();
        text = notification.text();
        aboutId = notification.aboutId();
        createdAt = notification.createdAt();
        readAt = notification.readAt();
    }

    public String getHospitalId() {
        return hospitalId;
    }
}
