package org.peersupport.followup.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.CheckInMissed;
import org.peersupport.events.CheckInOutcome;
import org.peersupport.events.CheckInRecorded;
import org.peersupport.events.ClosureReason;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.FirstContactMade;
import org.peersupport.events.ReferralCategory;
import org.peersupport.events.ReferralMade;
import org.peersupport.events.SlaBreached;
import org.peersupport.events.SlaClock;
import org.peersupport.platform.kernel.Decision;

/**
 * A case under follow-up, from the assignment to its end. It opens with a first-contact clock; the supporter records
 * the first contact, which starts the check-ins (counted from it), records each due check-in's outcome, refers on,
 * and closes the case; the last check-in's grace period closes it too. A clock that runs out tells the coordinator
 * ({@code SlaBreached}) or marks a check-in missed. A closed case changes no more: a timer that fires for it later
 * does nothing. A case whose request was withdrawn before its assignment arrived is stored closed, without supporter,
 * so that a late assignment opens nothing.
 *
 * <p>Cases stored before the first-contact clock existed have no {@code firstContactDueAt}: their check-ins were
 * scheduled from the opening and go on from it.
 */
public record SupportCase(String id, String hospitalId, String supporterId, Instant openedAt, int checkInsDue,
        Status status, Instant firstContactDueAt, Instant firstContactAt, boolean slaBreached, List<CheckIn> checkIns,
        List<ReferralCategory> referrals, ClosureReason closedBecause, Instant closedAt, boolean feedbackLinkTaken) {

    /** The type of the timers that make check-ins fall due. */
    public static final String CHECK_IN_TIMER = "followup.check-in";
    /** The type of the timer of the first-contact clock. */
    public static final String FIRST_CONTACT_TIMER = "followup.first-contact";
    /** The type of the timers that end a check-in's grace period. */
    public static final String CHECK_IN_GRACE_TIMER = "followup.check-in-grace";
    /** The payload entry of a check-in or grace timer that says which check-in it is. */
    public static final String CHECK_IN_NUMBER = "number";

    public enum Status {
        OPEN, CLOSED
    }

    public SupportCase {
        checkIns = checkIns == null ? List.of() : List.copyOf(checkIns);
        referrals = referrals == null ? List.of() : List.copyOf(referrals);
    }

    /** A case as stored before the first-contact clock, check-in outcomes, referrals and closure existed. */
    public SupportCase(String id, String hospitalId, String supporterId, Instant openedAt, int checkInsDue,
            Status status) {
        this(id, hospitalId, supporterId, openedAt, checkInsDue, status, null, null, false, List.of(), List.of(), null,
                null, false);
    }

    public static Decision<SupportCase> open(String requestId, String hospitalId, String supporterId, boolean urgent,
            Instant now, CaseSettings settings) {
        Instant contactDue = now.plus(settings.firstContactWithin(urgent));
        SupportCase opened = new SupportCase(requestId, hospitalId, supporterId, now, 0, Status.OPEN, contactDue,
                null, false, List.of(), List.of(), null, null, false);
        Instant earliestCheckIn = settings.schedule().dueAt(now, 1).orElseThrow();
        return Decision.to(opened)
                .publishing(new CaseOpened(newEventId(), now, hospitalId, requestId, supporterId, earliestCheckIn,
                        contactDue))
                .scheduling(new Decision.Timer("first-contact", FIRST_CONTACT_TIMER, hospitalId, contactDue, Map.of()));
    }

    /** The request was withdrawn before any assignment reached follow-up: a closed case, so none is ever opened. */
    public static Decision<SupportCase> withdrawnBeforeOpening(String requestId, String hospitalId, Instant now) {
        return Decision.to(new SupportCase(requestId, hospitalId, null, now, 0, Status.CLOSED, null, null, false,
                List.of(), List.of(), ClosureReason.WITHDRAWN, now, false));
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** When check-ins count from: the first contact, or the opening for a case stored before the first-contact clock. */
    private Optional<Instant> checkInBase() {
        if (firstContactDueAt == null) {
            return Optional.of(openedAt);
        }
        return Optional.ofNullable(firstContactAt);
    }

    /**
     * The supporter reached the person: check-ins start counting from now. Recording it again changes nothing. A
     * contact after the clock ran out (or once it was reported breached) still counts, as late.
     */
    public Decision<SupportCase> firstContact(Instant now, CaseSettings settings) {
        requireOpen();
        if (firstContactAt != null) {
            return Decision.unchanged(this);
        }
        boolean legacy = firstContactDueAt == null;
        Instant due = legacy ? openedAt.plus(settings.firstContactWithin()) : firstContactDueAt;
        SupportCase contacted = with(Status.OPEN, checkInsDue, firstContactDueAt, now, slaBreached, checkIns, referrals,
                null, null, false);
        Decision<SupportCase> decision = Decision.to(contacted).publishing(new FirstContactMade(newEventId(), now,
                hospitalId, id, supporterId, due, !slaBreached && !now.isAfter(due)));
        // A case stored before this clock has its check-ins running from the opening already.
        return legacy ? decision
                : decision.scheduling(checkInTimer(1, settings.schedule().dueAt(now, 1).orElseThrow()));
    }

    /** The first-contact clock ran out: without a first contact, the coordinator is told. */
    public Decision<SupportCase> firstContactClockRanOut(Instant now) {
        if (!isOpen() || firstContactAt != null || slaBreached) {
            return Decision.unchanged(this);
        }
        return Decision.to(with(Status.OPEN, checkInsDue, firstContactDueAt, null, true, checkIns, referrals, null,
                        null, false))
                .publishing(new SlaBreached(newEventId(), now, hospitalId, id, supporterId, SlaClock.FIRST_CONTACT,
                        firstContactDueAt));
    }

    /**
     * Check-in {@code number} is due: tell the supporter, start its grace period, and schedule the next one if the
     * schedule has one. One that fell due already, or a closed case, changes nothing (a timer may fire again after a
     * crash, or after the case closed).
     */
    public Decision<SupportCase> checkInDue(int number, Instant now, CaseSettings settings) {
        if (!isOpen() || number <= checkInsDue) {
            return Decision.unchanged(this);
        }
        Optional<Instant> following = checkInBase().flatMap(base -> settings.schedule().dueAt(base, number + 1));
        List<CheckIn> due = new ArrayList<>(checkIns);
        due.add(new CheckIn(number, now, null, false, following.isEmpty()));
        SupportCase next = with(Status.OPEN, number, firstContactDueAt, firstContactAt, slaBreached, due, referrals,
                null, null, false);
        Decision<SupportCase> decision = Decision.to(next)
                .publishing(new CheckInDue(newEventId(), now, hospitalId, id, supporterId, number))
                .scheduling(new Decision.Timer("check-in-grace:" + number, CHECK_IN_GRACE_TIMER, hospitalId,
                        now.plus(settings.checkInGrace()), Map.of(CHECK_IN_NUMBER, String.valueOf(number))));
        return following.isPresent() ? decision.scheduling(checkInTimer(number + 1, following.get())) : decision;
    }

    /**
     * The supporter records what came of a due check-in. The same outcome again changes nothing; another outcome for
     * a recorded check-in, or one for a check-in not due yet, is refused. A check-in missed may still be recorded.
     */
    public Decision<SupportCase> recordCheckIn(int number, CheckInOutcome outcome, Instant now) {
        requireOpen();
        if (number < 1 || number > checkInsDue) {
            throw new CaseRuleBroken(CaseRuleBroken.CHECK_IN_NOT_DUE, "that check-in is not due");
        }
        CheckIn checkIn = checkIn(number).orElse(new CheckIn(number, null, null, false, false));
        if (checkIn.outcome() != null) {
            if (checkIn.outcome() == outcome) {
                return Decision.unchanged(this);
            }
            throw new CaseRuleBroken(CaseRuleBroken.CHECK_IN_ALREADY_RECORDED, "that check-in has an outcome");
        }
        return Decision.to(withCheckIn(checkIn.recorded(outcome)))
                .publishing(new CheckInRecorded(newEventId(), now, hospitalId, id, supporterId, number, outcome));
    }

    /**
     * The grace period of check-in {@code number} ended: without an outcome it is missed. After the last check-in of
     * the schedule the case closes.
     */
    public Decision<SupportCase> checkInGraceOver(int number, Instant now) {
        if (!isOpen()) {
            return Decision.unchanged(this);
        }
        Optional<CheckIn> checkIn = checkIn(number);
        SupportCase state = this;
        List<DomainEvent> events = new ArrayList<>();
        if (checkIn.isPresent() && checkIn.get().outcome() == null && !checkIn.get().missed()) {
            state = withCheckIn(checkIn.get().missedNow());
            events.add(new CheckInMissed(newEventId(), now, hospitalId, id, supporterId, number,
                    checkIn.get().dueAt()));
        }
        if (checkIn.isPresent() && checkIn.get().last()) {
            state = state.with(Status.CLOSED, checkInsDue, firstContactDueAt, firstContactAt, slaBreached,
                    state.checkIns(), referrals, ClosureReason.AFTER_LAST_CHECK_IN, now, false);
            events.add(closedEvent(ClosureReason.AFTER_LAST_CHECK_IN, now));
        }
        if (events.isEmpty()) {
            return Decision.unchanged(this);
        }
        Decision<SupportCase> decision = Decision.to(state);
        for (DomainEvent event : events) {
            decision = decision.publishing(event);
        }
        return decision;
    }

    /** The supporter refers the person on; the same category again changes nothing. */
    public Decision<SupportCase> refer(ReferralCategory category, Instant now) {
        requireOpen();
        if (referrals.contains(category)) {
            return Decision.unchanged(this);
        }
        List<ReferralCategory> more = new ArrayList<>(referrals);
        more.add(category);
        return Decision.to(with(Status.OPEN, checkInsDue, firstContactDueAt, firstContactAt, slaBreached, checkIns,
                        more, null, null, false))
                .publishing(new ReferralMade(newEventId(), now, hospitalId, id, supporterId, category));
    }

    /** The supporter (or the coordinator) ends the case; closing a closed case changes nothing. */
    public Decision<SupportCase> close(ClosureReason reason, Instant now) {
        if (!isOpen()) {
            return Decision.unchanged(this);
        }
        return Decision.to(with(Status.CLOSED, checkInsDue, firstContactDueAt, firstContactAt, slaBreached, checkIns,
                referrals, reason, now, false)).publishing(closedEvent(reason, now));
    }

    /**
     * The requester withdrew: the case closes, so a timer that fires later changes nothing and the chain of
     * check-ins ends. Closing a closed case changes nothing.
     */
    public Decision<SupportCase> withdrawn(Instant now) {
        return close(ClosureReason.WITHDRAWN, now);
    }

    /**
     * The supporter takes the case's one feedback link, to hand to the person: only once, and only for a case that
     * ended with support given (not withdrawn). The case keeps only that it was taken, never the link.
     */
    public Decision<SupportCase> takeFeedbackLink() {
        if (isOpen()) {
            throw new CaseRuleBroken(CaseRuleBroken.CASE_NOT_CLOSED, "the case is still open");
        }
        if (feedbackLinkTaken || closedBecause == null || closedBecause == ClosureReason.WITHDRAWN) {
            throw new CaseRuleBroken(CaseRuleBroken.NO_FEEDBACK_LINK, "the case has no feedback link to take");
        }
        return Decision.to(with(status, checkInsDue, firstContactDueAt, firstContactAt, slaBreached, checkIns,
                referrals, closedBecause, closedAt, true));
    }

    public Optional<CheckIn> checkIn(int number) {
        return checkIns.stream().filter(c -> c.number() == number).findFirst();
    }

    /** Which check-in a timer fires; timers stored before they had a payload say it only in their id. */
    public static int checkInNumber(Map<String, String> payload, String timerId) {
        String number = payload.get(CHECK_IN_NUMBER);
        return Integer.parseInt(number != null ? number : timerId.substring(timerId.lastIndexOf(':') + 1));
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new CaseRuleBroken(CaseRuleBroken.CASE_CLOSED, "the case is closed");
        }
    }

    private CaseClosed closedEvent(ClosureReason reason, Instant now) {
        return new CaseClosed(newEventId(), now, hospitalId, id, supporterId, reason);
    }

    private SupportCase withCheckIn(CheckIn changed) {
        List<CheckIn> updated = new ArrayList<>(checkIns.stream().filter(c -> c.number() != changed.number()).toList());
        updated.add(changed);
        updated.sort(Comparator.comparingInt(CheckIn::number));
        return with(status, checkInsDue, firstContactDueAt, firstContactAt, slaBreached, updated, referrals,
                closedBecause, closedAt, feedbackLinkTaken);
    }

    private SupportCase with(Status newStatus, int due, Instant contactDue, Instant contactAt, boolean breached,
            List<CheckIn> newCheckIns, List<ReferralCategory> newReferrals, ClosureReason because, Instant at,
            boolean linkTaken) {
        return new SupportCase(id, hospitalId, supporterId, openedAt, due, newStatus, contactDue, contactAt, breached,
                newCheckIns, newReferrals, because, at, linkTaken);
    }

    private Decision.Timer checkInTimer(int number, Instant dueAt) {
        return new Decision.Timer("check-in:" + number, CHECK_IN_TIMER, hospitalId, dueAt,
                Map.of(CHECK_IN_NUMBER, String.valueOf(number)));
    }
}
