package org.peersupport.platform.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.CertificationLapsed;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.CheckInMissed;
import org.peersupport.events.CheckInOutcome;
import org.peersupport.events.CheckInRecorded;
import org.peersupport.events.FeedbackReceived;
import org.peersupport.events.FirstContactMade;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.ClosureReason;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.Modality;
import org.peersupport.events.OfferMade;
import org.peersupport.events.ReferralCategory;
import org.peersupport.events.ReferralMade;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SessionReminderDue;
import org.peersupport.events.SlaBreached;
import org.peersupport.events.SessionStarted;
import org.peersupport.events.SlaClock;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.SupporterCertified;
import org.peersupport.events.WaitlistPromoted;

/** Events as their owners would publish them, each with a fresh id and the current time, for service tests. */
public final class EventMother {

    private EventMother() {
    }

    /** A nurse asks for support by phone, in English, inside their hospital. */
    public static RequestSubmitted requestSubmitted(String hospitalId, String requestId, ClinicalRole role) {
        return new RequestSubmitted(id(), Instant.now(), hospitalId, requestId, "rq-" + requestId, role,
                Modality.PHONE, "en", false);
    }

    /** The requester of {@code requestId} withdrew it. */
    public static RequestWithdrawn requestWithdrawn(String hospitalId, String requestId) {
        return new RequestWithdrawn(id(), Instant.now(), hospitalId, requestId);
    }

    /** A supporter certified for a year, speaking English, by phone and video. */
    public static SupporterCertified supporterCertified(String hospitalId, String supporterId, ClinicalRole role,
            int capacity) {
        return new SupporterCertified(id(), Instant.now(), hospitalId, supporterId, role, List.of("en"),
                List.of(Modality.PHONE, Modality.VIDEO), capacity, Instant.now().plus(Duration.ofDays(365)));
    }

    /** The supporter's certification ran out (training's lapse timer), as of now. */
    public static CertificationLapsed certificationLapsed(String hospitalId, String supporterId) {
        return new CertificationLapsed(id(), Instant.now(), hospitalId, supporterId, Instant.now());
    }

    public static SupporterAssigned supporterAssigned(String hospitalId, String requestId, String requesterRef,
            String supporterId) {
        return new SupporterAssigned(id(), Instant.now(), hospitalId, requestId, requesterRef, supporterId);
    }

    public static OfferMade offerMade(String hospitalId, String requestId, String supporterId) {
        return new OfferMade(id(), Instant.now(), hospitalId, requestId, supporterId,
                Instant.now().plus(Duration.ofHours(2)));
    }

    public static MatchEscalated matchEscalated(String hospitalId, String requestId) {
        return new MatchEscalated(id(), Instant.now(), hospitalId, requestId, "NO_ELIGIBLE_SUPPORTER");
    }

    public static CheckInDue checkInDue(String hospitalId, String caseId, String supporterId, int number) {
        return new CheckInDue(id(), Instant.now(), hospitalId, caseId, supporterId, number);
    }

    /** Follow-up opened the case of request {@code caseId}: first contact due within a day, a check-in a week on. */
    public static CaseOpened caseOpened(String hospitalId, String caseId, String supporterId) {
        return new CaseOpened(id(), Instant.now(), hospitalId, caseId, supporterId,
                Instant.now().plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(1)));
    }

    /** The first-contact clock of case {@code caseId} ran out just now. */
    public static SlaBreached slaBreached(String hospitalId, String caseId, String supporterId) {
        return new SlaBreached(id(), Instant.now(), hospitalId, caseId, supporterId, SlaClock.FIRST_CONTACT,
                Instant.now());
    }

    /** Check-in {@code number} of case {@code caseId} passed its grace period without an outcome. */
    public static CheckInMissed checkInMissed(String hospitalId, String caseId, String supporterId, int number) {
        return new CheckInMissed(id(), Instant.now(), hospitalId, caseId, supporterId, number,
                Instant.now().minus(Duration.ofDays(1)));
    }

    /** {@code staffId} of {@code hospitalId} got a seat of a session their hospital runs, starting in a week. */
    public static WaitlistPromoted waitlistPromoted(String hospitalId, String sessionId, String staffId) {
        return new WaitlistPromoted(id(), Instant.now(), hospitalId, sessionId, staffId, hospitalId, "course-basics",
                Instant.now().plus(Duration.ofDays(7)));
    }

    /** The session {@code staffId} holds a seat in starts in a day. */
    public static SessionReminderDue sessionReminderDue(String hospitalId, String sessionId, String staffId) {
        return new SessionReminderDue(id(), Instant.now(), hospitalId, sessionId, staffId, hospitalId,
                "course-basics", Instant.now().plus(Duration.ofDays(1)));
    }

    /** Follow-up closed the case of request {@code caseId}. */
    public static CaseClosed caseClosed(String hospitalId, String caseId, String supporterId, ClosureReason reason) {
        return new CaseClosed(id(), Instant.now(), hospitalId, caseId, supporterId, reason);
    }

    /** Intake purged what identified the requester of {@code requestId}; every service now purges its own. */
    public static CaseDataPurged caseDataPurged(String hospitalId, String requestId) {
        return new CaseDataPurged(id(), Instant.now(), hospitalId, requestId);
    }

    /** A request that came in by {@code origin} at a given time (dashboards bucket by month): routine, by phone. */
    public static RequestSubmitted requestSubmitted(String hospitalId, String requestId, RequestOrigin origin,
            Instant at) {
        return new RequestSubmitted(id(), at, hospitalId, requestId, "rq-" + requestId, ClinicalRole.NURSE,
                Modality.PHONE, "en", false, null, null, null, null, null, null, origin);
    }

    /** A supporter assigned to {@code requestId} at a given time. */
    public static SupporterAssigned supporterAssigned(String hospitalId, String requestId, String supporterId,
            Instant at) {
        return new SupporterAssigned(id(), at, hospitalId, requestId, "rq-" + requestId, supporterId);
    }

    /** A supporter certified until a given time (in the past for a lapsed one). */
    public static SupporterCertified supporterCertified(String hospitalId, String supporterId, Instant until) {
        return new SupporterCertified(id(), Instant.now(), hospitalId, supporterId, ClinicalRole.NURSE, List.of("en"),
                List.of(Modality.PHONE), 2, until);
    }

    /** The supporter of case {@code caseId} reached the person at a given time, before its clock ran out or not. */
    public static FirstContactMade firstContactMade(String hospitalId, String caseId, String supporterId, Instant at,
            boolean inTime) {
        return new FirstContactMade(id(), at, hospitalId, caseId, supporterId, at.plus(Duration.ofHours(1)), inTime);
    }

    public static CheckInRecorded checkInRecorded(String hospitalId, String caseId, String supporterId, int number,
            CheckInOutcome outcome) {
        return new CheckInRecorded(id(), Instant.now(), hospitalId, caseId, supporterId, number, outcome);
    }

    public static ReferralMade referralMade(String hospitalId, String caseId, String supporterId) {
        return new ReferralMade(id(), Instant.now(), hospitalId, caseId, supporterId, ReferralCategory.EAP);
    }

    /** One anonymous answer to the closing pulse of {@code month} ({@code 2026-10}); other items unanswered. */
    public static FeedbackReceived feedbackReceived(String hospitalId, String month, int helpfulness,
            boolean wouldRecommend, Integer distress) {
        return new FeedbackReceived(id(), Instant.now(), hospitalId, id(), month, helpfulness, wouldRecommend,
                distress, null, null, null, null);
    }

    /** A session the hospital ran started, with its seats and the seats taken then. */
    public static SessionStarted sessionStarted(String hospitalId, String sessionId, Instant startsAt, int seats,
            int seatsTaken) {
        return new SessionStarted(id(), startsAt, hospitalId, sessionId, "course-1", startsAt, seats, seatsTaken);
    }

    /** A person of {@code hospitalId} moved from a session's waitlist into a seat at a given time. */
    public static WaitlistPromoted waitlistPromoted(String hospitalId, String sessionId, String staffId, Instant at) {
        return new WaitlistPromoted(id(), at, hospitalId, sessionId, staffId, hospitalId, "course-1",
                at.plus(Duration.ofDays(7)));
    }

    /** The certification of a supporter ending {@code certifiedUntil} lapsed. */
    public static CertificationLapsed certificationLapsed(String hospitalId, String supporterId,
            Instant certifiedUntil) {
        return new CertificationLapsed(id(), Instant.now(), hospitalId, supporterId, certifiedUntil);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
