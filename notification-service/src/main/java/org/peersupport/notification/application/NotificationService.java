package org.peersupport.notification.application;

import java.time.Clock;
import java.util.List;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.OfferMade;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Notice;
import org.peersupport.notification.domain.Notification;
import org.peersupport.notification.persistence.Inboxes;
import org.peersupport.notification.persistence.NotificationDocument;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.messaging.TrustPolicy;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.web.NotFoundException;
import org.springframework.stereotype.Service;

/** Tells supporters what they must hear about, in-app, and keeps each person's inbox. */
@Service
public class NotificationService {

    private final AggregateStore<NotificationDocument> notifications;
    private final Inboxes inboxes;
    private final Clock clock;

    public NotificationService(AggregateStore<NotificationDocument> notifications, Inboxes inboxes, Clock clock) {
        this.notifications = notifications;
        this.inboxes = inboxes;
        this.clock = clock;
    }

    /** An offer waits for the supporter's answer, within its window: they must hear of it. */
    public void onOfferMade(OfferMade event) {
        notify(event, event.supporterId(), Notice.NEW_OFFER, event.requestId());
    }

    public void onSupporterAssigned(SupporterAssigned event) {
        notify(event, event.supporterId(), Notice.NEW_REQUEST, event.requestId());
    }

    public void onCheckInDue(CheckInDue event) {
        notify(event, event.supporterId(), Notice.CHECK_IN_DUE, event.caseId());
    }

    private void notify(DomainEvent cause, String recipientId, Notice notice, String aboutId) {
        String id = Notification.idFor(cause.eventId(), recipientId, Channel.IN_APP);
        Decision<Notification> decision = Notification.send(id, cause.hospitalId(), recipientId, Channel.IN_APP,
                notice, aboutId, clock.instant());
        // Listed after the insert, also when the insert finds it there already: a crash between the two is
        // repaired by the redelivery, which comes because the offset was not committed.
        if (!notifications.insert(new NotificationDocument(decision.state()), cause.eventId(), decision)) {
            // Told before under this event id: a second telling about another hospital is forged.
            notifications.find(id).ifPresent(told -> TrustPolicy.requireSameHospital(cause, told.getHospitalId()));
        }
        inboxes.list(recipientId, id);
    }

    public List<Notification> inbox(Caller caller) {
        return inboxes.of(caller.subject(), Inboxes.INBOX_SIZE).stream()
                .filter(n -> n.hospitalId().equals(caller.hospital()))
                .toList();
    }

    public Notification markRead(Caller caller, String notificationId) {
        return notifications.apply(notificationId, null, (Notification notification) -> {
            if (!notification.recipientId().equals(caller.subject())
                    || !notification.hospitalId().equals(caller.hospital())) {
                throw new NotFoundException("Notification");
            }
            return notification.markRead(clock.instant());
        }).decision().map(Decision::state).orElseThrow(() -> new NotFoundException("Notification"));
    }
}
