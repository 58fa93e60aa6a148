package org.peersupport.console.application;

import org.peersupport.console.domain.FeedbackAnswer;
import org.peersupport.console.domain.RequestFacts;
import org.peersupport.console.domain.SessionSeats;
import org.peersupport.console.domain.Source;
import org.peersupport.console.persistence.DashboardStore;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.CertificationLapsed;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.CheckInMissed;
import org.peersupport.events.CheckInOutcome;
import org.peersupport.events.CheckInRecorded;
import org.peersupport.events.FeedbackReceived;
import org.peersupport.events.FirstContactMade;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.ReferralMade;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.SlaBreached;
import org.peersupport.events.SessionStarted;
import org.peersupport.events.SlaClock;
import org.peersupport.events.SupporterCertified;
import org.peersupport.events.WaitlistPromoted;
import org.peersupport.platform.crypto.Pseudonyms;
import org.springframework.stereotype.Service;

/**
 * Builds the dashboard's read model: one small handler per event type, each a single idempotent, order-free write of
 * counts and times, never a person. A figure whose events do not exist yet gets its handler here when they do (see
 * {@link org.peersupport.console.domain.PendingFigure}).
 */
@Service
public class DashboardProjection {

    private final DashboardStore store;
    private final Pseudonyms pseudonyms;
    private final DashboardChanges changes;

    public DashboardProjection(DashboardStore store, Pseudonyms pseudonyms, DashboardChanges changes) {
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.changes = changes;
    }

    public void onRequestSubmitted(RequestSubmitted event) {
        Source source = Source.of(event.origin() == null ? null : event.origin().name());
        store.submitted(event.hospitalId(), event.requestId(), event.occurredAt(), source);
        changes.changed();
    }

    public void onSupporterAssigned(SupporterAssigned event) {
        store.assigned(event.hospitalId(), event.requestId(), event.occurredAt());
        changes.changed();
    }

    public void onMatchEscalated(MatchEscalated event) {
        store.escalated(event.hospitalId(), event.requestId());
        changes.changed();
    }

    public void onRequestWithdrawn(RequestWithdrawn event) {
        store.withdrawn(event.hospitalId(), event.requestId());
        changes.changed();
    }

    public void onCheckInDue(CheckInDue event) {
        store.checkInDue(event.hospitalId(), event.caseId(), event.checkInNumber());
        changes.changed();
    }

    /** The pool counts each supporter once, by a keyed hash of hospital and id: the id itself is never stored. */
    public void onSupporterCertified(SupporterCertified event) {
        store.certified(event.hospitalId(), pseudonyms.of("sp", event.hospitalId(), event.supporterId()),
                event.certifiedUntil());
        changes.changed();
    }

    /** A first contact made after its clock ran out is beyond the SLA, whether or not its breach arrived first. */
    public void onFirstContactMade(FirstContactMade event) {
        store.firstContact(event.hospitalId(), event.caseId(), event.occurredAt(), event.inTime());
        changes.changed();
    }

    /** Only the first-contact clock counts here; a clock added later is passed over until it has a figure. */
    public void onSlaBreached(SlaBreached event) {
        if (event.clock() == SlaClock.FIRST_CONTACT) {
            store.firstContactBreached(event.hospitalId(), event.caseId());
            changes.changed();
        }
    }

    public void onCheckInRecorded(CheckInRecorded event) {
        store.checkInRecorded(event.hospitalId(), event.caseId(), event.checkInNumber(),
                event.outcome() == CheckInOutcome.COMPLETED);
        changes.changed();
    }

    public void onCheckInMissed(CheckInMissed event) {
        store.checkInMissed(event.hospitalId(), event.caseId(), event.checkInNumber());
        changes.changed();
    }

    public void onReferralMade(ReferralMade event) {
        store.referred(event.hospitalId(), event.caseId());
        changes.changed();
    }

    public void onCaseClosed(CaseClosed event) {
        store.closed(event.hospitalId(), event.caseId());
        changes.changed();
    }

    /**
     * The pulse's answer counts in the month it names (follow-up's, so it stays unlinkable to the case's closing
     * time), else in that of its event; stored under a keyed hash of its own id, never the case's.
     */
    public void onFeedbackReceived(FeedbackReceived event) {
        YearMonth month;
        try {
            month = event.month() == null ? RequestFacts.monthOf(event.occurredAt()) : YearMonth.parse(event.month());
        } catch (DateTimeParseException notAMonth) {
            month = RequestFacts.monthOf(event.occurredAt());
        }
        store.feedback(event.hospitalId(), month, pseudonyms.of("fb", event.hospitalId(), event.feedbackId()),
                new FeedbackAnswer(event.helpfulness(), event.wouldRecommend(), event.distress(),
                        event.colleagueSupport(), event.institutionalSupport(), event.selfEfficacy(),
                        event.turnoverIntention()));
        changes.changed();
    }

    /** Counted at the promoted person's hospital, in the month of the promotion; nobody's id is kept. */
    public void onWaitlistPromoted(WaitlistPromoted event) {
        store.promoted(event.hospitalId(), RequestFacts.monthOf(event.occurredAt()), event.eventId());
        changes.changed();
    }

    /** A session's seats and seats taken, at its host hospital, in the month it started. */
    public void onSessionStarted(SessionStarted event) {
        store.sessionStarted(event.hospitalId(), RequestFacts.monthOf(event.startsAt()),
                pseudonyms.of("ss", event.hospitalId(), event.sessionId()),
                new SessionSeats(event.seats(), event.seatsTaken()));
        changes.changed();
    }

    /** The lapse of a certification, by the same keyed hash as the certification, so the two meet in any order. */
    public void onCertificationLapsed(CertificationLapsed event) {
        store.lapsed(event.hospitalId(), pseudonyms.of("sp", event.hospitalId(), event.supporterId()),
                event.certifiedUntil());
        changes.changed();
    }
}
