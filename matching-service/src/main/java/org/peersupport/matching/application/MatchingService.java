package org.peersupport.matching.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.CertificationLapsed;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SupporterCertified;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.matching.domain.Availability;
import org.peersupport.matching.domain.Candidate;
import org.peersupport.matching.domain.Caseload;
import org.peersupport.matching.domain.MatchPolicy;
import org.peersupport.matching.domain.MatchRequest;
import org.peersupport.matching.domain.OfferNotOpen;
import org.peersupport.matching.domain.OfferTerms;
import org.peersupport.matching.domain.RetrySchedule;
import org.peersupport.matching.domain.Supporter;
import org.peersupport.matching.persistence.AssignmentDocument;
import org.peersupport.matching.persistence.OpenRequests;
import org.peersupport.matching.persistence.Rosters;
import org.peersupport.matching.persistence.SupporterDocument;
import org.peersupport.matching.persistence.SupporterPool;
import org.peersupport.matching.persistence.WaitingRequests;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.InvalidValue;
import org.peersupport.platform.messaging.TrustPolicy;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.Applied;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.peersupport.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the supporter pool current and answers each submitted request exactly once, keeping on looking for an
 * escalated one. The best candidate gets an offer; a decline or its expiry offers the next. An acceptance takes
 * three single-document writes, each resumable from what is stored: the assignment becomes DECIDING on the
 * supporter (the one write that decides between racing answers); a place is reserved on that supporter's own record
 * (a guarded write that also carries {@code SupporterAssigned}); the assignment becomes ACTIVE. A redelivery, a timer
 * firing again or a second instance picks up wherever the stored state stands, so no supporter goes past capacity and
 * no request is assigned twice. Which requests are offered to a supporter is listed on their record, a shortcut
 * checked against each assignment.
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
    private final OpenRequests queue;
    private final Rosters rosters;
    private final MatchPolicy policy = new MatchPolicy();
    private final OfferTerms terms;
    private final MatchingProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public MatchingService(AggregateStore<SupporterDocument> supporters, AggregateStore<AssignmentDocument> assignments,
            SupporterPool pool, WaitingRequests waiting, OpenRequests queue, Rosters rosters,
            MatchingProperties properties, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.supporters = supporters;
        this.assignments = assignments;
        this.pool = pool;
        this.waiting = waiting;
        this.queue = queue;
        this.rosters = rosters;
        this.terms = new OfferTerms(properties.offerWindow(), properties.urgentOfferWindow(),
                properties.maxFailedOffers(), properties.broadcastSize(), new RetrySchedule(properties.retryFirstDelay(),
                properties.retryMaxDelay()));
        this.properties = properties;
        this.clock = clock;
    }

    /** Updates the pool; a supporter who fits may be what the hospital's waiting requests need, so they are offered. */
    public void onSupporterCertified(SupporterCertified event) {
        // An older certification names no unit and no network participation: own hospital only, unit unknown.
        Supporter supporter = new Supporter(event.supporterId(), event.hospitalId(), event.role(), event.languages(),
                event.modalities(), event.capacity(), event.certifiedUntil(), event.unit(),
                Boolean.TRUE.equals(event.takesNetworkRequests()));
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
     * Takes a supporter whose certification lapsed out of the pool: no longer current, off the hospital's roster, and
     * their open offers passed to the next candidate. A lapse of a certification renewed since changes nothing; the
     * requests they already hold stay theirs.
     */
    public void onCertificationLapsed(CertificationLapsed event) {
        supporters.apply(event.supporterId(), event.eventId(), (Supporter current) -> {
            TrustPolicy.requireSameHospital(event, current.hospitalId());
            Supporter lapsed = current.lapsed(event.certifiedUntil(), event.occurredAt());
            return lapsed == null ? Decision.unchanged(current) : Decision.to(lapsed);
        });
        // Also on a redelivery: the first delivery may have stored the lapse and stopped before these.
        Optional<SupporterDocument> stored = supporters.find(event.supporterId());
        if (stored.isEmpty() || !stored.get().getHospitalId().equals(event.hospitalId())
                || stored.get().toDomain().lapsed(event.certifiedUntil(), event.occurredAt()) == null) {
            return;
        }
        rosters.remove(event.hospitalId(), event.supporterId());
        for (String requestId : stored.get().openOffers()) {
            try {
                declineOffer(event.supporterId(), requestId);
            } catch (OfferNotOpen | NotFoundException gone) {
                unlistOffer(event.supporterId(), requestId);
            }
        }
        log.info("supporter {} lapsed, out of the pool", event.supporterId());
    }

    /**
     * Offers the request to the best candidate, or escalates when there is none. The answer is stored under the
     * request id, so a redelivered request finds it and carries on from there, even on another instance.
     */
    public void onRequestSubmitted(RequestSubmitted event) {
        answer(MatchRequest.from(event), event.requesterRef(), event.eventId(), event.occurredAt());
    }

    /** Answers a request once, {@code causeId} being what asked for it (its event). */
    public void answer(MatchRequest request, String requesterRef, String causeId) {
        answer(request, requesterRef, causeId, null);
    }

    /** As {@link #answer(MatchRequest, String, String)}, knowing when the request was submitted (for metrics). */
    public void answer(MatchRequest request, String requesterRef, String causeId, Instant submittedAt) {
        String requestId = request.requestId();
        String hospitalId = request.hospitalId();
        if (assignments.find(requestId).isEmpty()) {
            Instant now = clock.instant();
            List<MatchPolicy.Match> best = next(request, Set.of(), now);
            Decision<Assignment> decision = Assignment.open(request, requesterRef, best, now, terms);
            boolean escalated = decision.state().status() == Assignment.Status.ESCALATED;
            // Listed before it is stored: certifications are consumed on another thread, and one that reads the
            // list between this decision and its listing would miss it (an entry whose request never got stored
            // is dropped when it is next read). The offers are listed first for the same reason.
            queue.add(hospitalId, requestId);
            if (escalated) {
                waiting.add(hospitalId, requestId);
            }
            best.forEach(match -> listOffer(match.candidate().id(), requestId));
            boolean inserted = assignments.insert(new AssignmentDocument(decision.state(), submittedAt), causeId,
                    decision);
            if (!inserted) {
                // Another delivery answered first, maybe with someone else.
                best.forEach(match -> tidyOffer(match.candidate().id(), requestId));
            } else if (escalated) {
                log.info("request {} escalated", requestId);
                // A supporter certified while this was decided was not seen by the decision, and may have read the
                // list before this request was on it: look once more at this request, so one of the two always
                // finds the other. Only this one: the others waiting had their own look when they escalated, and
                // looking at them all here made each escalation cost a pass over the whole waiting list.
                offerWaiting(hospitalId, List.of(requestId));
            }
        }
        settle(requestId);
    }

    /**
     * The supporter accepts the offer of a request: the assignment becomes theirs to reserve (the write that decides
     * between racing answers), then a place is reserved on their record. Returns the assignment as it settled: ACTIVE
     * with them, or moved on to the next candidate when they had no place left.
     */
    public Assignment acceptOffer(String supporterId, String requestId) {
        Instant now = clock.instant();
        Set<String> offeredTo = assignments.find(requestId).map(document -> document.toDomain().offeredTo())
                .orElseThrow(() -> new NotFoundException("offer"));
        assignments.apply(requestId, null, (Assignment current) -> current.accept(supporterId, now));
        unlistOffer(supporterId, requestId);
        // A broadcast's other offers were withdrawn by the acceptance that won.
        offeredTo.forEach(other -> tidyOffer(other, requestId));
        return settle(requestId);
    }

    /** The supporter declines the offer of a request: it goes to the next candidate, or escalates. */
    public Assignment declineOffer(String supporterId, String requestId) {
        Instant now = clock.instant();
        return moveOn(requestId, null, true, (current, next) -> current.decline(supporterId, next, now, terms))
                .orElseThrow(() -> new NotFoundException("offer"));
    }

    /**
     * The requests offered to the supporter and still open to them, oldest first; listings of requests that are over
     * for them (assigned, withdrawn, or they were passed over) are dropped.
     */
    public List<Assignment> openOffersOf(String supporterId) {
        List<Assignment> open = new ArrayList<>();
        for (String requestId : supporters.find(supporterId).map(SupporterDocument::openOffers).orElse(List.of())) {
            Optional<Assignment> stored = assignments.find(requestId).map(AssignmentDocument::toDomain);
            if (stored.filter(assignment -> assignment.isOfferedTo(supporterId)).isPresent()) {
                open.add(stored.get());
            } else if (stored.filter(assignment -> isOverFor(assignment, supporterId)).isPresent()) {
                unlistOffer(supporterId, requestId);
            }
            // Otherwise it may be an offer being made right now (listed before it is stored): it stays listed, and
            // the write that makes or drops it tidies the listing.
        }
        return open;
    }

    /**
     * The supporter sets themselves on call or away, resting until {@code restUntil}. Going away (or resting)
     * declines their open offers; coming back may be what waiting requests need, so they are offered.
     */
    public Availability setAvailability(String supporterId, Availability.Status status, Instant restUntil) {
        Instant at = clock.instant();
        supporters.apply(supporterId, null, (SupporterDocument document) -> document.availability().set(status,
                restUntil, document.getHospitalId(), at), (document, set) -> document.apply(set));
        SupporterDocument updated = supporters.find(supporterId).orElseThrow(() -> new NotFoundException("supporter"));
        Availability now = updated.availability();
        if (!now.isAvailable(clock.instant())) {
            for (String requestId : updated.openOffers()) {
                try {
                    declineOffer(supporterId, requestId);
                } catch (OfferNotOpen | NotFoundException gone) {
                    unlistOffer(supporterId, requestId);
                }
            }
        } else {
            offerWaitingRequests(updated.getHospitalId());
        }
        return now;
    }

    /** A supporter's rest ended (their rest timer): if they are available now, the waiting requests are offered. */
    void restOver(String supporterId) {
        supporters.find(supporterId).filter(document -> document.availability().isAvailable(clock.instant()))
                .ifPresent(document -> offerWaitingRequests(document.getHospitalId()));
    }

    /**
     * The requester withdrew: the answer is marked withdrawn in one write (so its retry and offer timers and a
     * waiting-list offer pass it over) that also withdraws every offer still open ({@code OfferWithdrawn} to each
     * supporter it was offered to); the offers are unlisted from those supporters' records, the request leaves the
     * queue and the hospital's waiting list, and the place the chosen supporter holds for it is freed. A reservation
     * being made at the same moment sees the withdrawal after its own write and frees the place itself
     * ({@link #settle}), so a supporter never keeps a place for a withdrawn request.
     */
    public void onRequestWithdrawn(RequestWithdrawn event) {
        Optional<AssignmentDocument> stored = assignments.find(event.requestId());
        Set<String> offeredTo = stored.map(document -> document.toDomain().offeredTo()).orElse(Set.of());
        Applied<Assignment> applied = assignments.apply(event.requestId(), event.eventId(), (Assignment current) -> {
            TrustPolicy.requireSameHospital(event, current.request().hospitalId());
            return current.withdrawOffers(event.occurredAt());
        });
        if (!applied.found()) {
            // Withdrawn before matching read the request (they share a partition, so this is a request it never had).
            log.info("request {} withdrawn before it reached matching", event.requestId());
            return;
        }
        // Also on a redelivery: the first delivery may have stopped before any of these.
        Assignment withdrawn = assignments.find(event.requestId()).orElseThrow().toDomain();
        String hospitalId = withdrawn.request().hospitalId();
        offeredTo.forEach(supporterId -> tidyOffer(supporterId, event.requestId()));
        queue.remove(hospitalId, event.requestId());
        waiting.remove(hospitalId, event.requestId());
        if (withdrawn.supporterId() != null) {
            // Frees nothing when the supporter only had an offer (no place is taken before an acceptance).
            release(withdrawn.supporterId(), event.requestId());
        }
        log.info("request {} withdrawn", event.requestId());
    }

    /**
     * Follow-up closed the case of a request: the supporter's place is freed (and offered to the hospital's oldest
     * waiting request). The supporter is the one this assignment names, not the event's; a redelivery frees nothing
     * twice, and a case closed for a request matching never had, or never placed, frees nothing.
     */
    public void onCaseClosed(CaseClosed event) {
        Optional<Assignment> assignment = assignments.find(event.caseId()).map(AssignmentDocument::toDomain);
        if (assignment.isEmpty()) {
            log.info("case {} closed for a request matching does not hold", event.caseId());
            return;
        }
        TrustPolicy.requireSameHospital(event, assignment.get().request().hospitalId());
        if (assignment.get().supporterId() != null) {
            release(assignment.get().supporterId(), event.caseId());
        }
        log.info("case {} closed: place freed", event.caseId());
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

    /** The caller's open offers; only a supporter of the pool has any. */
    public List<Assignment> myOffers(Caller caller) {
        return openOffersOf(ownRecord(caller).getId());
    }

    /** The caller accepts an offer made to them; a request never offered to them is not found. */
    public Assignment accept(Caller caller, String requestId) {
        String me = ownRecord(caller).getId();
        requireOfferedOnce(me, requestId);
        return acceptOffer(me, requestId);
    }

    /** The caller declines an offer made to them; a request never offered to them is not found. */
    public Assignment decline(Caller caller, String requestId) {
        String me = ownRecord(caller).getId();
        requireOfferedOnce(me, requestId);
        return declineOffer(me, requestId);
    }

    /** An offer accepted through a signed link naming the supporter and their hospital (see OfferLinkService). */
    public Assignment acceptByLink(String supporterId, String hospitalId, String requestId) {
        requireLinkHolder(supporterId, hospitalId, requestId);
        return acceptOffer(supporterId, requestId);
    }

    /** An offer declined through a signed link. */
    public Assignment declineByLink(String supporterId, String hospitalId, String requestId) {
        requireLinkHolder(supporterId, hospitalId, requestId);
        return declineOffer(supporterId, requestId);
    }

    private void requireLinkHolder(String supporterId, String hospitalId, String requestId) {
        supporters.find(supporterId).filter(own -> own.getHospitalId().equals(hospitalId))
                .orElseThrow(() -> new NotFoundException("offer"));
        requireOfferedOnce(supporterId, requestId);
    }

    /** The caller sets their own availability. */
    public Availability availability(Caller caller, Availability.Status status, Instant restUntil) {
        return setAvailability(ownRecord(caller).getId(), status, restUntil);
    }

    /** The hospital's requests without a supporter yet (offered, being settled, escalated), oldest first. */
    public List<Assignment> queueOf(Caller caller, String hospitalId) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        List<Assignment> open = new ArrayList<>();
        for (String requestId : queue.of(hospitalId)) {
            Optional<Assignment> stored = assignments.find(requestId).map(AssignmentDocument::toDomain)
                    .filter(assignment -> assignment.request().hospitalId().equals(hospitalId));
            if (stored.isPresent() && stored.get().status() != Assignment.Status.ACTIVE
                    && stored.get().status() != Assignment.Status.WITHDRAWN) {
                open.add(stored.get());
            } else {
                queue.remove(hospitalId, requestId);
            }
        }
        return open;
    }

    /** Every supporter of the hospital's pool explained against one of its requests, eligible ones in offer order. */
    public CandidatesView candidatesFor(Caller caller, String hospitalId, String requestId) {
        Assignment assignment = requestOf(caller, hospitalId, requestId);
        return new CandidatesView(assignment, policy.explainAll(assignment.request(),
                pool.candidatesOf(hospitalId), assignment.passedOver(), clock.instant()));
    }

    /**
     * The coordinator assigns a request by hand: their choice overrides the score and the preferences, never
     * capacity, conflicts, involvement or certification. Returns the assignment as it settled.
     */
    public Assignment assignByHand(Caller caller, String hospitalId, String requestId, String supporterId) {
        Assignment before = requestOf(caller, hospitalId, requestId);
        Candidate chosen = pool.candidatesOf(hospitalId).stream()
                .filter(candidate -> candidate.id().equals(supporterId)).findFirst()
                .orElseThrow(() -> new InvalidValue("supporterId", "not a supporter of this hospital's pool"));
        Instant now = clock.instant();
        assignments.apply(requestId, null, (Assignment current) -> current.assignByHand(chosen,
                policy.explain(current.request(), chosen, current.passedOver(), now), now));
        before.offeredTo().forEach(offered -> tidyOffer(offered, requestId));
        log.info("request {} assigned by hand", requestId);
        return settle(requestId);
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
        boolean looking = stored.get().getStatus() == Assignment.Status.ESCALATED;
        moveOn(requestId, timer.id(), looking,
                (current, next) -> current.retryTimerFired(number, next, now, terms));
        Assignment after = settle(requestId);
        if (after.status() == Assignment.Status.ESCALATED) {
            // The waiting list is only a shortcut: list the request again in case that write was lost.
            waiting.add(after.request().hospitalId(), requestId);
        }
    }

    /** An offer's window ended (it expires if still open), or an acceptance is checked: settles what is left. */
    void offerTimerFired(TimerTask timer) {
        String requestId = timer.aggregateId();
        int attempt = Assignment.offerAttempt(timer.payload());
        Optional<AssignmentDocument> stored = assignments.find(requestId);
        if (stored.isEmpty()) {
            return;
        }
        Assignment before = stored.get().toDomain();
        if (before.status() == Assignment.Status.OFFERED && before.attempt() == attempt) {
            Instant now = clock.instant();
            moveOn(requestId, timer.id(), true, (current, next) -> current.offerTimerFired(attempt, next, now, terms));
        }
        settle(requestId);
    }

    /**
     * Offers the hospital's waiting requests, oldest first. Only a shortcut to the retry timers, so a failure is
     * logged and left to them rather than failing the event that prompted it.
     */
    private void offerWaitingRequests(String hospitalId) {
        offerWaiting(hospitalId, waiting.of(hospitalId));
    }

    /** As {@link #offerWaitingRequests}, for some of the hospital's waiting requests only. */
    private void offerWaiting(String hospitalId, List<String> requestIds) {
        try {
            for (String requestId : requestIds) {
                offerWaiting(hospitalId, requestId);
            }
        } catch (RuntimeException failure) {
            log.warn("offering waiting requests of a hospital failed ({}); their retry timers will look again",
                    failure.getClass().getSimpleName());
        }
    }

    /** Offers one waiting request if someone fits now; drops it from the waiting list when it waits no more. */
    private void offerWaiting(String hospitalId, String requestId) {
        Optional<AssignmentDocument> stored = assignments.find(requestId);
        if (stored.isEmpty() || stored.get().getStatus() != Assignment.Status.ESCALATED) {
            waiting.remove(hospitalId, requestId);
            return;
        }
        Instant now = clock.instant();
        moveOn(requestId, null, true, (current, next) -> current.status() == Assignment.Status.ESCALATED
                ? current.retry(next, now, terms) : Decision.unchanged(current));
    }

    /**
     * Carries a DECIDING assignment through: reserve on the chosen supporter's record, then ACTIVE; when the
     * supporter has no place for this attempt, the next offer or escalation. Returns the settled assignment.
     */
    private Assignment settle(String requestId) {
        for (int step = 0; step < MAX_STEPS; step++) {
            AssignmentDocument stored = assignments.find(requestId).orElseThrow(
                    () -> new IllegalStateException("no assignment for request " + requestId));
            Assignment assignment = stored.toDomain();
            if (assignment.status() != Assignment.Status.DECIDING) {
                return assignment;
            }
            Instant now = clock.instant();
            int attempt = assignment.attempt();
            if (reserve(assignment, now) != Caseload.Outcome.REFUSED) {
                Applied<Assignment> reserved = assignments.apply(requestId, null, (Assignment current) ->
                        current.isDeciding(attempt) ? Decision.to(current.reserved()) : Decision.unchanged(current));
                if (reserved.decision().map(decided -> decided.state().status() == Assignment.Status.WITHDRAWN)
                        .orElse(false)) {
                    // Withdrawn while the place was being taken: the withdrawal may have freed it before it was
                    // taken, so free it here, after the place is written.
                    release(assignment.supporterId(), requestId);
                    return reserved.decision().get().state();
                }
                if (assignment.escalated()) {
                    waiting.remove(assignment.request().hospitalId(), requestId);
                }
                queue.remove(assignment.request().hospitalId(), requestId);
                if (reserved.changedTo().map(active -> active.status() == Assignment.Status.ACTIVE).orElse(false)) {
                    timeToAssignment(assignment.request().hospitalId(), stored.getSubmittedAt(), now);
                }
                log.info("request {} assigned", requestId);
                continue;
            }
            moveOn(requestId, null, true, (current, next) ->
                    current.isDeciding(attempt) ? current.refused(next, now, terms) : Decision.unchanged(current));
        }
        throw new IllegalStateException("request " + requestId + " not settled after " + MAX_STEPS + " choices");
    }

    /**
     * Applies a transition that may offer the request to the next candidate ({@code looking}: the best one not yet
     * passed over, the current supporter included), keeping the offer listings and the waiting list in step with
     * what was stored. Empty when there is no such request.
     */
    private Optional<Assignment> moveOn(String requestId, String causeId, boolean looking,
            BiFunction<Assignment, List<MatchPolicy.Match>, Decision<Assignment>> transition) {
        Optional<AssignmentDocument> stored = assignments.find(requestId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Assignment before = stored.get().toDomain();
        Set<String> involved = new HashSet<>(before.offeredTo());
        if (before.supporterId() != null) {
            involved.add(before.supporterId());
        }
        List<MatchPolicy.Match> next = List.of();
        if (looking) {
            Set<String> passed = new HashSet<>(before.passedOver());
            passed.addAll(involved);
            next = next(before.request(), passed, clock.instant());
        }
        List<MatchPolicy.Match> offered = next;
        offered.forEach(match -> listOffer(match.candidate().id(), requestId));
        Assignment after = before;
        try {
            assignments.apply(requestId, causeId, (Assignment current) -> transition.apply(current, offered));
            after = assignments.find(requestId).map(AssignmentDocument::toDomain).orElse(before);
        } finally {
            offered.forEach(match -> involved.add(match.candidate().id()));
            involved.forEach(supporterId -> tidyOffer(supporterId, requestId));
        }
        String hospitalId = before.request().hospitalId();
        if (after.status() == Assignment.Status.ESCALATED && before.status() != Assignment.Status.ESCALATED) {
            waiting.add(hospitalId, requestId);
            log.info("request {} escalated", requestId);
        } else if (after.status() != Assignment.Status.ESCALATED && before.status() == Assignment.Status.ESCALATED) {
            waiting.remove(hospitalId, requestId);
        }
        return Optional.of(after);
    }

    /**
     * Counted once, by the write that made the assignment ACTIVE. Tagged by hospital only: a hospital is no person,
     * and a request or supporter id would make a series per person.
     */
    private void timeToAssignment(String hospitalId, Instant submittedAt, Instant assignedAt) {
        if (submittedAt == null || submittedAt.isAfter(assignedAt)) {
            return; // stored before the submission time was kept, or a clock ahead of ours: no honest figure
        }
        Timer.builder("peersupport.matching.time_to_assignment")
                .description("from a request's submission to its supporter's assignment")
                .tag("hospital", hospitalId)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(2))
                .register(meters)
                .record(Duration.between(submittedAt, assignedAt));
    }

    /** Takes a place on the chosen supporter's own record, in one guarded write with the event it publishes. */
    private Caseload.Outcome reserve(Assignment assignment, Instant now) {
        return supporters.apply(assignment.supporterId(), null, document -> {
            Caseload.Reservation reservation = document.caseload().reserve(document.toDomain(), assignment, now,
                    properties.coolDownOf(assignment.request().hospitalId()));
            return new Decision<>(reservation, reservation.events(), List.of(), true);
        }, (document, reservation) -> document.apply(reservation))
                .decision().map(decided -> decided.state().outcome()).orElse(Caseload.Outcome.REFUSED);
    }

    /** The caller's own record in the pool, of the hospital in their token. */
    private SupporterDocument ownRecord(Caller caller) {
        caller.require(Role.SUPPORTER);
        SupporterDocument own = supporters.find(caller.subject()).orElseThrow(() -> new NotFoundException("supporter"));
        caller.requireHospital(own.getHospitalId());
        return own;
    }

    /** A request the supporter was offered at some point (whatever became of it); anything else is not found. */
    private void requireOfferedOnce(String supporterId, String requestId) {
        assignments.find(requestId).map(AssignmentDocument::toDomain)
                .filter(a -> supporterId.equals(a.supporterId()) || a.passedOver().contains(supporterId))
                .orElseThrow(() -> new NotFoundException("offer"));
    }

    /** A request of the hospital, for its coordinator; another hospital's is not found. */
    private Assignment requestOf(Caller caller, String hospitalId, String requestId) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        return assignments.find(requestId).map(AssignmentDocument::toDomain)
                .filter(assignment -> assignment.request().hospitalId().equals(hospitalId))
                .orElseThrow(() -> new NotFoundException("request"));
    }

    private void listOffer(String supporterId, String requestId) {
        supporters.update(supporterId, document -> document.listOffer(requestId));
    }

    /** Drops a listing; reads first, so that the usual case (nothing listed) writes nothing. */
    private void unlistOffer(String supporterId, String requestId) {
        if (supporters.find(supporterId).filter(document -> document.openOffers().contains(requestId)).isPresent()) {
            supporters.update(supporterId, document -> document.unlistOffer(requestId));
        }
    }

    /** Whether the request can no longer be offered to the supporter under its current offer. */
    private static boolean isOverFor(Assignment assignment, String supporterId) {
        return assignment.status() == Assignment.Status.ACTIVE || assignment.status() == Assignment.Status.WITHDRAWN
                || assignment.passedOver().contains(supporterId);
    }

    /** Drops the supporter's listing of the request unless it is open to them now. */
    private void tidyOffer(String supporterId, String requestId) {
        boolean open = assignments.find(requestId).map(AssignmentDocument::toDomain)
                .filter(assignment -> assignment.isOfferedTo(supporterId)).isPresent();
        if (!open) {
            unlistOffer(supporterId, requestId);
        }
    }

    /** Whom to offer the request next: the best candidate, or the best few for a broadcast. */
    private List<MatchPolicy.Match> next(MatchRequest request, Set<String> passedOver, Instant now) {
        return policy.top(request, pool.candidatesOf(request.hospitalId()), passedOver, now,
                terms.offersAtOnce(request));
    }
}
