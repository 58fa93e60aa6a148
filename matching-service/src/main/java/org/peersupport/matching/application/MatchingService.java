package org.peersupport.matching.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterCertified;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.matching.domain.Candidate;
import org.peersupport.matching.domain.Caseload;
import org.peersupport.matching.domain.MatchPolicy;
import org.peersupport.matching.domain.MatchRequest;
import org.peersupport.matching.domain.RetrySchedule;
import org.peersupport.matching.domain.Supporter;
import org.peersupport.matching.persistence.AssignmentDocument;
import org.peersupport.matching.persistence.SupporterDocument;
import org.peersupport.matching.persistence.Rosters;
import org.peersupport.matching.persistence.SupporterPool;
import org.peersupport.matching.persistence.WaitingRequests;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.messaging.TrustPolicy;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the supporter pool current and answers each submitted request exactly once, keeping on looking for an
 * escalated one. A decision takes three single-document writes, each resumable from what is stored: the assignment
 * is stored as DECIDING on a chosen supporter; a place is reserved on that supporter's own record (a guarded write
 * that also carries {@code SupporterAssigned}); the assignment becomes ACTIVE. A redelivery, a timer firing again or a
 * second instance picks up wherever the stored state stands, so no supporter goes past capacity and no request is
 * assigned twice.
 */
@Service
public class MatchingService implements TimerHandler {

    private static final Logger log = LoggerFactory.getLogger(MatchingService.class);
    /** Choices one settling may try before leaving the rest to a redelivery or a timer (each refused one is full). */
    private static final int MAX_STEPS = 32;

    private final AggregateStore<SupporterDocument> supporters;
    private final AggregateStore<AssignmentDocument> assignments;
    private final SupporterPool pool;
    private final WaitingRequests waiting;
    private final Rosters rosters;
    private final MatchPolicy policy = new MatchPolicy();
    private final RetrySchedule schedule;
    private final Clock clock;

    public MatchingService(AggregateStore<SupporterDocument> supporters, AggregateStore<AssignmentDocument> assignments,
            SupporterPool pool, WaitingRequests waiting, Rosters rosters, MatchingProperties properties,
            Clock clock) {
        this.supporters = supporters;
        this.assignments = assignments;
        this.pool = pool;
        this.waiting = waiting;
        this.rosters = rosters;
        this.schedule = new RetrySchedule(properties.retryFirstDelay(), properties.retryMaxDelay());
        this.clock = clock;
    }

    /** Updates the pool; a supporter who fits may be what the hospital's waiting requests need, so they are offered. */
    public void onSupporterCertified(SupporterCertified event) {
        Supporter supporter = new Supporter(event.supporterId(), event.hospitalId(), event.role(), event.languages(),
                event.modalities(), event.capacity(), event.certifiedUntil());
        SupporterDocument fresh = new SupporterDocument(event.supporterId());
        fresh.apply(supporter);
        if (!supporters.insert(fresh, event.eventId(), Decision.to(supporter))) {
            supporters.apply(event.supporterId(), event.eventId(), (Supporter current) -> {
                // A certification never moves a supporter into another hospital's pool.
                TrustPolicy.requireSameHospital(event, current.hospitalId());
                return Decision.to(supporter);
            });
        }
        // Also on a redelivery: the first delivery may have stored the supporter and stopped before these.
        rosters.add(event.hospitalId(), event.supporterId());
        offerWaitingRequests(event.hospitalId());
    }

    /**
     * Chooses a supporter, or escalates when there is none. The answer is stored under the request id, so a
     * redelivered request finds it and carries on from there, even on another instance.
     */
    public void onRequestSubmitted(RequestSubmitted event) {
        if (assignments.find(event.requestId()).isEmpty()) {
            Instant now = clock.instant();
            MatchRequest request = MatchRequest.from(event);
            Decision<Assignment> decision = Assignment.open(request, event.requesterRef(), choose(request, now), now,
                    schedule);
            boolean escalated = decision.state().status() == Assignment.Status.ESCALATED;
            if (escalated) {
                // Listed before it is stored: certifications are consumed on another thread, and one that reads the
                // list between this decision and its listing would miss it (an entry whose request never got stored
                // is dropped when it is next read).
                waiting.add(event.hospitalId(), event.requestId());
            }
            if (assignments.insert(new AssignmentDocument(decision.state()), event.eventId(), decision) && escalated) {
                log.info("request {} escalated", event.requestId());
                // A supporter certified while this was decided was not seen by the decision, and may have read the
                // list before this request was on it: look once more, so one of the two always finds the other.
                offerWaitingRequests(event.hospitalId());
            }
        }
        settle(event.requestId());
    }

    /**
     * Frees the place a request held with a supporter (its case is over) and offers it to the hospital's oldest
     * waiting request. The caseload on the supporter's record is the only count of their load.
     */
    public void release(String supporterId, String requestId) {
        supporters.update(supporterId, document -> {
            document.apply(document.caseload().release(requestId));
            return document.getHospitalId();
        }).ifPresent(this::offerWaitingRequests);
    }

    /** The hospital's pool with each supporter's current load, for its coordinator. */
    public List<Candidate> poolOf(Caller caller, String hospitalId) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        return pool.candidatesOf(hospitalId);
    }

    @Override
    public String type() {
        return Assignment.RETRY_TIMER;
    }

    /** Looks again for a supporter for an escalated request; idempotent by timer id, and resumes a decision. */
    @Override
    public void fire(TimerTask timer) {
        String requestId = timer.aggregateId();
        int number = Assignment.retryNumber(timer.payload(), timer.id());
        Optional<AssignmentDocument> stored = assignments.find(requestId);
        if (stored.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Assignment before = stored.get().toDomain();
        Optional<Supporter> chosen = before.status() == Assignment.Status.ESCALATED
                ? choose(before.request(), now) : Optional.empty();
        assignments.apply(requestId, timer.id(),
                (Assignment current) -> current.retryTimerFired(number, chosen, now, schedule));
        Assignment after = settle(requestId);
        if (after.status() == Assignment.Status.ESCALATED) {
            // The waiting list is only a shortcut: list the request again in case that write was lost.
            waiting.add(after.request().hospitalId(), requestId);
        }
    }

    /**
     * Offers the hospital's waiting requests, oldest first, until one finds nobody. Only a shortcut to the retry
     * timers, so a failure is logged and left to them rather than failing the event that prompted it.
     */
    private void offerWaitingRequests(String hospitalId) {
        try {
            for (String requestId : waiting.of(hospitalId)) {
                Optional<AssignmentDocument> stored = assignments.find(requestId);
                if (stored.isEmpty() || stored.get().getStatus() == Assignment.Status.ACTIVE) {
                    waiting.remove(hospitalId, requestId);
                    continue;
                }
                if (stored.get().getStatus() == Assignment.Status.ESCALATED && !retry(stored.get().toDomain())) {
                    return;
                }
                if (settle(requestId).status() == Assignment.Status.ESCALATED) {
                    return;
                }
            }
        } catch (RuntimeException failure) {
            log.warn("offering waiting requests of a hospital failed ({}); their retry timers will look again",
                    failure.getClass().getSimpleName());
        }
    }

    /** Moves an escalated request to a decision if someone fits now; false when nobody does. */
    private boolean retry(Assignment escalated) {
        Instant now = clock.instant();
        Optional<Supporter> chosen = choose(escalated.request(), now);
        if (chosen.isEmpty()) {
            return false;
        }
        assignments.apply(escalated.request().requestId(), null, (Assignment current) ->
                current.status() == Assignment.Status.ESCALATED ? current.retry(chosen, now)
                        : Decision.unchanged(current));
        return true;
    }

    /**
     * Carries a DECIDING assignment through: reserve on the chosen supporter's record, then ACTIVE; when the
     * supporter has no place for this attempt, the next choice or escalation. Returns the settled assignment.
     */
    private Assignment settle(String requestId) {
        for (int step = 0; step < MAX_STEPS; step++) {
            Assignment assignment = assignments.find(requestId).orElseThrow(
                    () -> new IllegalStateException("no assignment for request " + requestId)).toDomain();
            if (assignment.status() != Assignment.Status.DECIDING) {
                return assignment;
            }
            Instant now = clock.instant();
            int attempt = assignment.attempt();
            if (reserve(assignment, now) != Caseload.Outcome.REFUSED) {
                assignments.apply(requestId, null, (Assignment current) ->
                        current.isDeciding(attempt) ? Decision.to(current.reserved()) : Decision.unchanged(current));
                if (assignment.escalated()) {
                    waiting.remove(assignment.request().hospitalId(), requestId);
                }
                log.info("request {} assigned", requestId);
                continue;
            }
            Optional<Supporter> next = choose(assignment.request(), now);
            Optional<Assignment> moved = assignments.apply(requestId, null, (Assignment current) ->
                    current.isDeciding(attempt) ? current.refused(next, now, schedule) : Decision.unchanged(current))
                    .changedTo();
            if (moved.isPresent() && moved.get().status() == Assignment.Status.ESCALATED) {
                waiting.add(assignment.request().hospitalId(), requestId);
                log.info("request {} escalated", requestId);
            }
        }
        throw new IllegalStateException("request " + requestId + " not settled after " + MAX_STEPS + " choices");
    }

    /** Takes a place on the chosen supporter's own record, in one guarded write with the event it publishes. */
    private Caseload.Outcome reserve(Assignment assignment, Instant now) {
        return supporters.apply(assignment.supporterId(), null, document -> {
            Caseload.Reservation reservation = document.caseload().reserve(document.toDomain(), assignment, now);
            return new Decision<>(reservation, reservation.events(), List.of(), true);
        }, (document, reservation) -> document.apply(reservation.caseload()))
                .decision().map(decided -> decided.state().outcome()).orElse(Caseload.Outcome.REFUSED);
    }

    private Optional<Supporter> choose(MatchRequest request, Instant now) {
        return policy.choose(request, pool.candidatesOf(request.hospitalId()), now);
    }
}
