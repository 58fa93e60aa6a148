package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.MatchEscalated;

/**
 * Matching's answer for one request. {@code DECIDING}: a supporter is chosen and a place is being reserved on their
 * own record ({@link Caseload}); {@code ACTIVE}: they hold it; {@code ESCALATED}: nobody fits yet, the coordinator is
 * told once, and matching keeps looking (retry timers, and at once when a supporter appears). Each choice is a new
 * {@code attempt}, so a supporter's answer to one attempt can never be mistaken for another's.
 */
public record Assignment(MatchRequest request, String requesterRef, Status status, String supporterId, int attempt,
        boolean escalated, Instant decidedAt) {

    public static final String NO_ELIGIBLE_SUPPORTER = "NO_ELIGIBLE_SUPPORTER";

    public enum Status {
        DECIDING, ACTIVE, ESCALATED
    }

    /** A timer the assignment asks for: look again at {@code dueAt}. */
    public record RetryTimer(int number, Instant dueAt) {

        public String id(String requestId) {
            return requestId + ":retry:" + number;
        }
    }

    /** The new state, the events it publishes and the timers it schedules. */
    public record Decision(Assignment assignment, List<DomainEvent> events, List<RetryTimer> timers) {
    }

    /** The first answer to a request: reserve the chosen supporter, or escalate. */
    public static Decision open(MatchRequest request, String requesterRef, Optional<Supporter> chosen, Instant now,
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
    public Decision refused(Optional<Supporter> next, Instant now, RetrySchedule schedule) {
        requireDeciding();
        return choose(next, now, schedule);
    }

    /** Looked at again while escalated, because a supporter may have appeared. */
    public Decision retry(Optional<Supporter> chosen, Instant now) {
        if (status != Status.ESCALATED) {
            throw new IllegalStateException("only an escalated request is retried, not a " + status + " one");
        }
        if (chosen.isEmpty()) {
            return new Decision(this, List.of(), List.of());
        }
        return new Decision(deciding(chosen.get(), now), List.of(), List.of());
    }

    /**
     * Retry timer {@code number} fell due. Until the request is assigned the next one is scheduled right away, so
     * the chain outlives any crash between looking and deciding; once assigned, the chain ends here.
     */
    public Decision retryTimerFired(int number, Optional<Supporter> chosen, Instant now, RetrySchedule schedule) {
        if (status == Status.ACTIVE) {
            return new Decision(this, List.of(), List.of());
        }
        List<RetryTimer> next = List.of(new RetryTimer(number + 1, schedule.dueAt(number + 1, now)));
        Assignment after = status == Status.ESCALATED && chosen.isPresent() ? deciding(chosen.get(), now) : this;
        return new Decision(after, List.of(), next);
    }

    private Decision choose(Optional<Supporter> chosen, Instant now, RetrySchedule schedule) {
        if (chosen.isPresent()) {
            return new Decision(deciding(chosen.get(), now), List.of(), List.of());
        }
        Assignment waiting = new Assignment(request, requesterRef, Status.ESCALATED, null, attempt, true, now);
        if (escalated) {
            // Told once already, and the retry chain that started then is still running.
            return new Decision(waiting, List.of(), List.of());
        }
        return new Decision(waiting,
                List.of(new MatchEscalated(UUID.randomUUID().toString(), now, request.hospitalId(),
                        request.requestId(), NO_ELIGIBLE_SUPPORTER)),
                List.of(new RetryTimer(1, schedule.dueAt(1, now))));
    }

    private Assignment deciding(Supporter supporter, Instant now) {
        return new Assignment(request, requesterRef, Status.DECIDING, supporter.id(), attempt + 1, escalated, now);
    }

    private void requireDeciding() {
        if (status != Status.DECIDING) {
            throw new IllegalStateException("no reservation is being decided for a " + status + " request");
        }
    }
}
