package org.peersupport.matching.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.peersupport.events.MatchEscalated;
import org.peersupport.platform.kernel.Decision;

/**
 * Matching's answer for one request. {@code DECIDING}: a supporter is chosen and a place is being reserved on their
 * own record ({@link Caseload}); {@code ACTIVE}: they hold it; {@code ESCALATED}: nobody fits yet, the coordinator is
 * told once, and matching keeps looking (retry timers, and at once when a supporter appears); {@code WITHDRAWN}: the
 * requester stepped back, and nothing more happens for it. Each choice is a new
 * {@code attempt}, so a supporter's answer to one attempt can never be mistaken for another's.
 */
public record Assignment(MatchRequest request, String requesterRef, Status status, String supporterId, int attempt,
        boolean escalated, Instant decidedAt) {

    public static final String NO_ELIGIBLE_SUPPORTER = "NO_ELIGIBLE_SUPPORTER";

    public enum Status {
        DECIDING, ACTIVE, ESCALATED, WITHDRAWN
    }

    /** The type of the timers that make matching look again for an escalated request. */
    public static final String RETRY_TIMER = "matching.retry";
    /** The payload entry of a retry timer that says which retry it is. */
    public static final String RETRY_NUMBER = "number";

    /** The first answer to a request: reserve the chosen supporter, or escalate. */
    public static Decision<Assignment> open(MatchRequest request, String requesterRef, Optional<Supporter> chosen, Instant now,
            RetrySchedule schedule) {
        return new Assignment(request, requesterRef, Status.DECIDING, null, 0, false, now).choose(chosen, now, schedule);
    }

    /** The key of this attempt's reservation on the chosen supporter's record. */
    public String reservationToken() {
        return request.requestId() + "#" + attempt;
    }

    public boolean isDeciding(int attempt) {
        return status == Status.DECIDING && this.attempt == attempt;
    }

    /** The chosen supporter took the request. */
    public Assignment reserved() {
        requireDeciding();
        return new Assignment(request, requesterRef, Status.ACTIVE, supporterId, attempt, escalated, decidedAt);
    }

    /** The chosen supporter had no place for this attempt: take the next choice, or escalate. */
    public Decision<Assignment> refused(Optional<Supporter> next, Instant now, RetrySchedule schedule) {
        requireDeciding();
        return choose(next, now, schedule);
    }

    /** Looked at again while escalated, because a supporter may have appeared. */
    public Decision<Assignment> retry(Optional<Supporter> chosen, Instant now) {
        if (status != Status.ESCALATED) {
            throw new AssignmentNotInThatState(status, "RETRIED");
        }
        if (chosen.isEmpty()) {
            return Decision.unchanged(this);
        }
        return Decision.to(deciding(chosen.get(), now));
    }

    /**
     * Retry timer {@code number} fell due. Until the request is assigned the next one is scheduled right away, so
     * the chain outlives any crash between looking and deciding; once assigned, the chain ends here.
     */
    public Decision<Assignment> retryTimerFired(int number, Optional<Supporter> chosen, Instant now,
            RetrySchedule schedule) {
        if (status == Status.ACTIVE || status == Status.WITHDRAWN) {
            return Decision.unchanged(this);
        }
        Assignment after = status == Status.ESCALATED && chosen.isPresent() ? deciding(chosen.get(), now) : this;
        return Decision.to(after).scheduling(retryTimer(number + 1, schedule.dueAt(number + 1, now)));
    }

    /**
     * The requester withdrew: whatever stage it was at, the answer ends here. The chosen supporter is kept, so the
     * place they hold (or are being given) can be freed; a retry timer that fires later changes nothing. Withdrawing
     * again changes nothing.
     */
    public Decision<Assignment> withdrawn(Instant now) {
        if (status == Status.WITHDRAWN) {
            return Decision.unchanged(this);
        }
        return Decision.to(new Assignment(request, requesterRef, Status.WITHDRAWN, supporterId, attempt, escalated,
                now));
    }

    /** Which retry a timer fires; timers stored before they had a payload say it only in their id. */
    public static int retryNumber(Map<String, String> payload, String timerId) {
        String number = payload.get(RETRY_NUMBER);
        return Integer.parseInt(number != null ? number : timerId.substring(timerId.lastIndexOf(':') + 1));
    }

    private Decision<Assignment> choose(Optional<Supporter> chosen, Instant now, RetrySchedule schedule) {
        if (chosen.isPresent()) {
            return Decision.to(deciding(chosen.get(), now));
        }
        Assignment waiting = new Assignment(request, requesterRef, Status.ESCALATED, null, attempt, true, now);
        if (escalated) {
            // Told once already, and the retry chain that started then is still running.
            return Decision.to(waiting);
        }
        return Decision.to(waiting)
                .publishing(new MatchEscalated(newEventId(), now, request.hospitalId(), request.requestId(),
                        NO_ELIGIBLE_SUPPORTER))
                .scheduling(waiting.retryTimer(1, schedule.dueAt(1, now)));
    }

    private Decision.Timer retryTimer(int number, Instant dueAt) {
        return new Decision.Timer("retry:" + number, RETRY_TIMER, request.hospitalId(), dueAt,
                Map.of(RETRY_NUMBER, String.valueOf(number)));
    }

    private Assignment deciding(Supporter supporter, Instant now) {
        return new Assignment(request, requesterRef, Status.DECIDING, supporter.id(), attempt + 1, escalated, now);
    }

    private void requireDeciding() {
        if (status != Status.DECIDING) {
            throw new AssignmentNotInThatState(status, "RESERVED");
        }
    }
}
