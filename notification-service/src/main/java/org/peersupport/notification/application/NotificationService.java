package org.peersupport.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.NotificationSent;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Notice;
import org.peersupport.notification.persistence.NotificationDocument;
import org.peersupport.notification.persistence.NotificationPersistence;
import org.peersupport.platform.messaging.EventCodec;
import org.peersupport.platform.messaging.TrustPolicy;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.web.NotFoundException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Tells supporters what they must hear about, in-app, and keeps each person's inbox. */
@Service
public class NotificationService {

    private final AggregateStore<NotificationDocument> notifications;
    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final Clock clock;

    public NotificationService(AggregateStore<NotificationDocument> notifications, MongoTemplate mongo,
            EventCodec codec, Clock clock) {
        this.notifications = notifications;
        this.mongo = mongo;
        this.codec = codec;
        this.clock = clock;
    }

    public void onSupporterAssigned(SupporterAssigned event) {
        notify(event, event.supporterId(), Notice.NEW_REQUEST, event.requestId());
    }

    public void onCheckInDue(CheckInDue event) {
        notify(event, event.supporterId(), Notice.CHECK_IN_DUE, event.caseId());
    }

    private void notify(DomainEvent cause, String recipientId, Notice notice, String aboutId) {
        Instant now = clock.instant();
        String id = UUID.nameUUIDFromBytes((cause.eventId() + "\u0000" + recipientId + "\u0000" + Channel.IN_APP)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        NotificationDocument notification = new NotificationDocument(id, cause.hospitalId(), recipientId,
                Channel.IN_APP, notice, aboutId, now);
        notification.markHandled(cause.eventId());
        notification.publish(new NotificationSent(UUID.randomUUID().toString(), now, cause.hospitalId(), id,
                recipientId, Channel.IN_APP.name(), notice.name()), codec);
        // Listed after the insert, also when the insert finds it there already: a crash between the two is
        // repaired by the redelivery, which comes because the offset was not committed.
        if (!notifications.insert(notification)) {
            // Told before under this event id: a second telling about another hospital is forged.
            notifications.find(id).ifPresent(told -> TrustPolicy.requireSameHospital(cause, told.getHospitalId()));
        }
        NotificationPersistence.list(mongo, recipientId, id);
    }

    public List<NotificationDocument> inbox(Caller caller) {
        return NotificationPersistence.inbox(mongo, caller.subject(), 100).stream()
                .filter(n -> n.getHospitalId().equals(caller.hospital()))
                .toList();
    }

    public NotificationDocument markRead(Caller caller, String notificationId) {
        return notifications.update(notificationId, notification -> {
            if (!notification.getRecipientId().equals(caller.subject())
                    || !notification.getHospitalId().equals(caller.hospital())) {
                throw new NotFoundException("Notification");
            }
            notification.markRead(clock.instant());
            return notification;
        }).orElseThrow(() -> new NotFoundException("Notification"));
    }
}
