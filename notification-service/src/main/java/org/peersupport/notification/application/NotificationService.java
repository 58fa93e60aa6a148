package org.peersupport.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.CheckInMissed;
import org.peersupport.events.CrisisFlagged;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.OfferMade;
import org.peersupport.events.SessionReminderDue;
import org.peersupport.events.SlaBreached;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.WaitlistPromoted;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.ContactPreferences;
import org.peersupport.notification.domain.Delivery;
import org.peersupport.notification.domain.Notice;
import org.peersupport.notification.domain.Notification;
import org.peersupport.notification.persistence.DeliveryDocument;
import org.peersupport.notification.persistence.Inboxes;
import org.peersupport.notification.persistence.NotificationDocument;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.messaging.TrustPolicy;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Tells people what they must hear about: always in-app, and over the outside channels each person chose (email,
 * SMS, in their order), through a {@link Delivery}. Wiring an event is one handler naming its recipients, its
 * {@link Notice} kind and what it is about.
 */
@Service
public class NotificationService {

    private final AggregateStore<NotificationDocument> notifications;
    private final AggregateStore<DeliveryDocument> deliveries;
    private final Inboxes inboxes;
    private final PreferencesService preferences;
    private final Clock clock;

    public NotificationService(AggregateStore<NotificationDocument> notifications,
            AggregateStore<DeliveryDocument> deliveries, Inboxes inboxes, PreferencesService preferences,
            Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.inboxes = inboxes;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** An offer waits for the supporter's answer, within its window: they must hear of it, with links to answer. */
    public void onOfferMade(OfferMade event) {
        notify(event, event.supporterId(), Notice.NEW_OFFER, event.requestId(), event.expiresAt());
    }

    /** The supporter just accepted: the inbox is enough, they are in the console already. */
    public void onSupporterAssigned(SupporterAssigned event) {
        tellInApp(event, event.supporterId(), Notice.NEW_REQUEST, event.requestId());
    }

    public void onCheckInDue(CheckInDue event) {
        notify(event, event.supporterId(), Notice.CHECK_IN_DUE, event.caseId(), null);
    }

    /**
     * The case is open and its first-contact clock runs: the supporter hears that first contact is due. One notice
     * per case, from here and not from {@code SupporterAssigned} (which tells them of the request in-app only), so
     * it also reaches the channels they chose. The case id is the request's id, so intake's purge takes it too.
     */
    public void onCaseOpened(CaseOpened event) {
        notify(event, event.supporterId(), Notice.FIRST_CONTACT_DUE, event.caseId(), null);
    }

    /** A case's clock ran out: its hospital's coordinators act on it, at once (an urgent kind). */
    public void onSlaBreached(SlaBreached event) {
        notifyCoordinators(event, Notice.SLA_BREACHED, event.caseId());
    }

    /** A check-in passed its grace without an outcome: the coordinators look at it after their quiet hours. */
    public void onCheckInMissed(CheckInMissed event) {
        notifyCoordinators(event, Notice.CHECK_IN_MISSED, event.caseId());
    }

    /** A workshop seat came free for the first person waiting: told under their own hospital. */
    public void onWaitlistPromoted(WaitlistPromoted event) {
        notify(event, event.staffId(), Notice.WAITLIST_PROMOTED, event.sessionId(), null);
    }

    /** The seated person's workshop starts soon. */
    public void onSessionReminderDue(SessionReminderDue event) {
        notify(event, event.staffId(), Notice.WORKSHOP_REMINDER, event.sessionId(), null);
    }

    public void onMatchEscalated(MatchEscalated event) {
        notifyCoordinators(event, Notice.MATCH_ESCALATED, event.requestId());
    }

    public void onCrisisFlagged(CrisisFlagged event) {
        notifyCoordinators(event, Notice.CRISIS_FLAGGED, event.flagId());
    }

    private void notifyCoordinators(DomainEvent cause, Notice notice, String aboutId) {
        for (String coordinator : preferences.coordinatorsOf(cause.hospitalId())) {
            notify(cause, coordinator, notice, aboutId, null);
        }
    }

    private void notify(DomainEvent cause, String recipientId, Notice notice, String aboutId,
            Instant offerExpiresAt) {
        tellInApp(cause, recipientId, notice, aboutId);
        planOutside(cause, recipientId, notice, aboutId, offerExpiresAt);
    }

    private void tellInApp(DomainEvent cause, String recipientId, Notice notice, String aboutId) {
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

    /** One delivery per event and recipient, whatever the redeliveries: its id is made of both. */
    private void planOutside(DomainEvent cause, String recipientId, Notice notice, String aboutId,
            Instant offerExpiresAt) {
        Optional<ContactPreferences> chosen = preferences.of(recipientId, cause.hospitalId());
        if (chosen.isEmpty() || chosen.get().channels().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Decision<Delivery> decision = Delivery.plan(cause.eventId(), cause.hospitalId(), recipientId, notice,
                aboutId, chosen.get().channels(), offerExpiresAt, chosen.get().dueFor(notice, now), now);
        if (!deliveries.insert(new DeliveryDocument(decision.state()), cause.eventId(), decision)) {
            deliveries.find(decision.state().id())
                    .ifPresent(planned -> TrustPolicy.requireSameHospital(cause, planned.getHospitalId()));
        }
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
