package org.peersupport.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The wire vocabulary: each event record with its stable CloudEvents type and the topic it travels on.
 * The type string, not the Java class name, is what other services and stored data depend on.
 */
public enum EventType {
    REQUEST_SUBMITTED("peersupport.request.submitted.v1", RequestSubmitted.class, Topics.INTAKE),
    REQUEST_WITHDRAWN("peersupport.request.withdrawn.v1", RequestWithdrawn.class, Topics.INTAKE),
    CRISIS_FLAGGED("peersupport.crisis.flagged.v1", CrisisFlagged.class, Topics.INTAKE),
    OUTREACH_OFFERED("peersupport.outreach.offered.v1", OutreachOffered.class, Topics.INTAKE),
    OUTREACH_DECLINED("peersupport.outreach.declined.v1", OutreachDeclined.class, Topics.INTAKE),
    OUTREACH_EXPIRED("peersupport.outreach.expired.v1", OutreachExpired.class, Topics.INTAKE),
    GROUP_DEBRIEF_SUGGESTED("peersupport.debrief.suggested.v1", GroupDebriefSuggested.class, Topics.INTAKE),
    CASE_DATA_PURGED("peersupport.case.purged.v1", CaseDataPurged.class, Topics.INTAKE),
    SUPPORTER_CERTIFIED("peersupport.supporter.certified.v1", SupporterCertified.class, Topics.TRAINING),
    CERTIFICATION_LAPSED("peersupport.certification.lapsed.v1", CertificationLapsed.class, Topics.TRAINING),
    WAITLIST_PROMOTED("peersupport.waitlist.promoted.v1", WaitlistPromoted.class, Topics.TRAINING),
    SESSION_REMINDER_DUE("peersupport.reminder.due.v1", SessionReminderDue.class, Topics.TRAINING),
    SESSION_STARTED("peersupport.session.started.v1", SessionStarted.class, Topics.TRAINING),
    SUPPORTER_ASSIGNED("peersupport.supporter.assigned.v1", SupporterAssigned.class, Topics.MATCHING),
    MATCH_ESCALATED("peersupport.match.escalated.v1", MatchEscalated.class, Topics.MATCHING),
    OFFER_MADE("peersupport.offer.made.v1", OfferMade.class, Topics.MATCHING),
    OFFER_DECLINED("peersupport.offer.declined.v1", OfferDeclined.class, Topics.MATCHING),
    OFFER_EXPIRED("peersupport.offer.expired.v1", OfferExpired.class, Topics.MATCHING),
    OFFER_WITHDRAWN("peersupport.offer.withdrawn.v1", OfferWithdrawn.class, Topics.MATCHING),
    CASE_OPENED("peersupport.case.opened.v1", CaseOpened.class, Topics.FOLLOWUP),
    CHECK_IN_DUE("peersupport.checkin.due.v1", CheckInDue.class, Topics.FOLLOWUP),
    FIRST_CONTACT_MADE("peersupport.contact.made.v1", FirstContactMade.class, Topics.FOLLOWUP),
    SLA_BREACHED("peersupport.sla.breached.v1", SlaBreached.class, Topics.FOLLOWUP),
    CHECK_IN_RECORDED("peersupport.checkin.recorded.v1", CheckInRecorded.class, Topics.FOLLOWUP),
    CHECK_IN_MISSED("peersupport.checkin.missed.v1", CheckInMissed.class, Topics.FOLLOWUP),
    REFERRAL_MADE("peersupport.referral.made.v1", ReferralMade.class, Topics.FOLLOWUP),
    CASE_CLOSED("peersupport.case.closed.v1", CaseClosed.class, Topics.FOLLOWUP),
    FEEDBACK_RECEIVED("peersupport.feedback.received.v1", FeedbackReceived.class, Topics.FOLLOWUP),
    NOTIFICATION_SENT("peersupport.notification.sent.v1", NotificationSent.class, Topics.NOTIFICATION),
    NOTIFICATION_FAILED("peersupport.notification.failed.v1", NotificationFailed.class, Topics.NOTIFICATION);

    private static final Map<String, EventType> BY_WIRE_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private final String wireType;
    private final Class<? extends DomainEvent> javaType;
    private final String topic;

    EventType(String wireType, Class<? extends DomainEvent> javaType, String topic) {
        this.wireType = wireType;
        this.javaType = javaType;
        this.topic = topic;
    }

    public String wireType() {
        return wireType;
    }

    public Class<? extends DomainEvent> javaType() {
        return javaType;
    }

    public String topic() {
        return topic;
    }

    /** The {@code ce_source} of a genuine event of this type: that of the service owning its topic. */
    public String source() {
        return Topics.source(Topics.owner(topic));
    }

    /** The JSON Schema of this event's data, as a classpath resource. */
    public String schemaResource() {
        return "/schemas/" + wireType + ".json";
    }

    public static Optional<EventType> ofWireType(String wireType) {
        return Optional.ofNullable(BY_WIRE_TYPE.get(wireType));
    }

    public static EventType of(DomainEvent event) {
        return of(event.getClass());
    }

    /** The type of an event record class; the one lookup by class there is. */
    public static EventType of(Class<? extends DomainEvent> eventClass) {
        EventType type = BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("not a registered event: " + eventClass.getSimpleName());
        }
        return type;
    }
}
