package org.peersupport.matching.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.OfferDeclined;
import org.peersupport.events.OfferExpired;
import org.peersupport.events.OfferMade;
import org.peersupport.events.OfferWithdrawn;
import org.peersupport.platform.kernel.Decision;

/**
 * Matching's answer for one request. {@code OFFERED}: the best candidate has an offer open until
 * {@code offeredUntil} (an urgent request may be broadcast: the best few, {@code offeredTo}, each have it and the
 * first to accept wins, the others' offers are withdrawn); a decline or the offer's expiry passes them over and offers
 * the next once nobody holds it any more. {@code supporterId} is the best of those offered, or the one deciding. {@code DECIDING}: the
 * supporter accepted (or the coordinator chose them) and a place is being reserved on their own record
 * ({@link Caseload}); {@code ACTIVE}: they hold it. {@code ESCALATED}: nobody fits yet. The coordinator is told once
 * ({@code escalated}), when nobody fits or after {@link OfferTerms#maxFailedOffers()} failed offers, and matching
 * keeps offering and looking (retry timers, and at once when a supporter appears). Each offer is a new
 * {@code attempt}, so an answer to one can never be mistaken for another's. {@code why} explains the current choice.
 */
public record Assignment(MatchRequest request, String requesterRef, Status status, String supporterId, int attempt,
        boolean escalated, Instant decidedAt, Instant offeredUntil, Set<String> offeredTo, Set<String> passedOver,
        Explanation why) {

    public static final String NO_ELIGIBLE_SUPPORTER = "NO_ELIGIBLE_SUPPORTER";
    public static final String OFFERS_FAILED = "OFFERS_FAILED";

    public enum Status {
        OFFERED, DECIDING, ACTIVE, ESCALATED, WITHDRAWN
    }

    /** The type of the timers that make matching look again for an escalated request. */
    public static final String RETRY_TIMER = "matching.retry";
    /** The payload entry of a retry timer that says which retry it is. */
    public static final String RETRY_NUMBER = "number";
    /** The type of the timers that end an offer, and that settle an accepted one if its settling was cut short. */
    public static final String OFFER_TIMER = "matching.offer";
    /** The payload entry of an offer timer that says which attempt (offer) it is about. */
    public static final String OFFER_ATTEMPT = "attempt";
    /** How soon after an acceptance its settling is looked at again, should the instance that took it stop. */
    static final Duration ACCEPTED_CHECK = Duration.ofSeconds(30);

    /**
     * What a coordinator's choice by hand must still pass (with capacity counted in cases held, not offers open):
     * it overrides the score and the rest of the rules (availability, unit, language), never these.
     */
    public static final Set<HardRule> BY_HAND_RULES = EnumSet.of(HardRule.CERTIFIED_AND_CURRENT,
            HardRule.NOT_INVOLVED_IN_SAME_EVENT, HardRule.NO_CONFLICT, HardRule.OWN_HOSPITAL_OR_NETWORK);

    public Assignment {
        // Offers stored before broadcasts were made to their supporter alone.
        offeredTo = offeredTo == null || offeredTo.isEmpty()
                ? status == Status.OFFERED && supporterId != null ? Set.of(supporterId) : Set.of()
                : Set.copyOf(offeredTo);
        passedOver = passedOver == null ? Set.of() : Set.copyOf(passedOver);
    }

    /** The first answer to a request: offer it to the best candidates (best first), or escalate. */
    public static Decision<Assignment> open(MatchRequest request, String requesterRef, List<MatchPolicy.Match> best,
            Instant now, OfferTerms terms) {
        return new Assignment(request, requesterRef, Status.DECIDING, null, 0, false, now, null, Set.of(), Set.of(),
                null).choose(best, now, terms);
    }

    /** The key of this attempt's reservation on the chosen supporter's record. */
    public String reservationToken() {
        return request.requestId() + "#" + attempt;
    }

    public boolean isDeciding(int attempt) {
        return status == Status.DECIDING && this.attempt == attempt;
    }

    public boolean isOfferedTo(String supporter) {
        return status == Status.OFFERED && offeredTo.contains(supporter);
    }

    /**
     * The supporter accepted their open offer: a place is reserved next, and the same offer to anyone else (a
     * broadcast) is withdrawn, so the first acceptance wins. Accepting again changes nothing; an offer that expired,
     * went to someone else, or was never theirs cannot be accepted.
     */
    public Decision<Assignment> accept(String supporter, Instant now) {
        if ((status == Status.DECIDING || status == Status.ACTIVE) && supporter.equals(supporterId)) {
            return Decision.unchanged(this);
        }
        if (!isOfferedTo(supporter)) {
            throw new OfferNotOpen();
        }
        Explanation explanation = supporter.equals(supporterId) ? why : null;
        return withdrawingOthers(supporter, now, Decision.to(with(Status.DECIDING, supporter, attempt, escalated,
                now, null, Set.of(), passedOver, explanation))
                .scheduling(offerTimer("accepted:" + attempt, attempt, now.plus(ACCEPTED_CHECK))));
    }

    /**
     * The coordinator assigns the request by hand to {@code chosen}, explained by {@code why}: a place is reserved
     * next, as after an acceptance, and an offer open to someone else is withdrawn.
     */
    public Decision<Assignment> assignByHand(Candidate chosen, Explanation why, Instant now) {
        if (status == Status.ACTIVE || status == Status.DECIDING) {
            throw new AssignmentNotInThatState(status, "ASSIGNED_BY_HAND");
        }
        for (HardRule rule : BY_HAND_RULES) {
            if (!rule.passes(request, chosen, now)) {
                throw new HandAssignmentRefused(rule);
            }
        }
        if (chosen.activeCases() >= chosen.supporter().capacity()) {
            throw new HandAssignmentRefused(HardRule.WITHIN_CAPACITY);
        }
        int next = attempt + 1;
        return withdrawingOthers(chosen.id(), now, Decision.to(with(Status.DECIDING, chosen.id(), next, escalated,
                now, null, Set.of(), passedOver, why))
                .scheduling(offerTimer("accepted:" + next, next, now.plus(ACCEPTED_CHECK))));
    }

    /**
     * The supporter declined their open offer: they are passed over. While others of a broadcast still hold it, it
     * stays with them; otherwise {@code next} gets it, or nobody does.
     */
    public Decision<Assignment> decline(String supporter, List<MatchPolicy.Match> next, Instant now,
            OfferTerms terms) {
        if (!isOfferedTo(supporter)) {
            throw new OfferNotOpen();
        }
        Set<String> holding = new TreeSet<>(offeredTo);
        holding.remove(supporter);
        Set<String> passed = new HashSet<>(passedOver);
        passed.add(supporter);
        Decision<Assignment> after = holding.isEmpty()
                ? with(status, supporterId, attempt, escalated, now, offeredUntil, Set.of(), passed, why)
                        .choose(next, now, terms)
                : Decision.to(with(status, supporter.equals(supporterId) ? holding.iterator().next() : supporterId,
                        attempt, escalated, now, offeredUntil, holding, passed, supporter.equals(supporterId) ? null
                                : why));
        return after.publishing(new OfferDeclined(newEventId(), now, request.hospitalId(), request.requestId(),
                supporter));
    }

    /**
     * An offer timer of {@code attempt} fell due: the offer expires if it is still open; anything else (an offer
     * answered in time, an acceptance's check) changes nothing here.
     */
    public Decision<Assignment> offerTimerFired(int attempt, List<MatchPolicy.Match> next, Instant now,
            OfferTerms terms) {
        if (status != Status.OFFERED || this.attempt != attempt) {
            return Decision.unchanged(this);
        }
        Set<String> passed = new HashSet<>(passedOver);
        passed.addAll(offeredTo);
        Decision<Assignment> after = with(status, supporterId, attempt, escalated, now, offeredUntil, Set.of(), passed,
                why).choose(next, now, terms);
        for (String supporter : new TreeSet<>(offeredTo)) {
            after = after.publishing(new OfferExpired(newEventId(), now, request.hospitalId(), request.requestId(),
                    supporter));
        }
        return after;
    }

    /**
     * The request was withdrawn: nothing more is offered or looked for, and every offer still open is withdrawn.
     * Freeing a place already held is the caller's (the place is on the supporter's record). Again changes nothing.
     */
    public Decision<Assignment> withdrawOffers(Instant now) {
        if (status == Status.WITHDRAWN) {
            return Decision.unchanged(this);
        }
        Decision<Assignment> withdrawn = Decision.to(with(Status.WITHDRAWN, supporterId, attempt, escalated, now,
                null, Set.of(), passedOver, why));
        for (String supporter : status == Status.OFFERED ? new TreeSet<>(offeredTo) : Set.<String>of()) {
            withdrawn = withdrawn.publishing(new OfferWithdrawn(newEventId(), now, request.hospitalId(),
                    request.requestId(), supporter));
        }
        return withdrawn;
    }

    /** The chosen supporter took the request. */
    public Assignment reserved() {
        requireDeciding();
        return with(Status.ACTIVE, supporterId, attempt, escalated, decidedAt, null, Set.of(), passedOver, why);
    }

    /** The supporter who accepted had no place left for this attempt: pass them over and offer the next, or escalate. */
    public Decision<Assignment> refused(List<MatchPolicy.Match> next, Instant now, OfferTerms terms) {
        requireDeciding();
        Set<String> passed = new HashSet<>(passedOver);
        passed.add(supporterId);
        return with(status, supporterId, attempt, escalated, now, null, Set.of(), passed, why).choose(next, now, terms);
    }

    /** Looked at again while escalated, because a supporter may have appeared. */
    public Decision<Assignment> retry(List<MatchPolicy.Match> best, Instant now, OfferTerms terms) {
        if (status != Status.ESCALATED) {
            throw new AssignmentNotInThatState(status, "RETRIED");
        }
        if (best.isEmpty()) {
            return Decision.unchanged(this);
        }
        return choose(best, now, terms);
    }

    /**
     * Retry timer {@code number} fell due. Until the request is assigned the next one is scheduled right away, so
     * the chain outlives any crash between looking and deciding; once assigned, the chain ends here.
     */
    public Decision<Assignment> retryTimerFired(int number, List<MatchPolicy.Match> best, Instant now,
            OfferTerms terms) {
        if (status == Status.ACTIVE || status == Status.WITHDRAWN) {
            return Decision.unchanged(this);
        }
        Decision<Assignment> after = status == Status.ESCALATED && !best.isEmpty() ? choose(best, now, terms)
                : Decision.to(this);
        return after.scheduling(retryTimer(number + 1, terms.retries().dueAt(number + 1, now)));
    }

    /** Which retry a timer fires; timers stored before they had a payload say it only in their id. */
    public static int retryNumber(Map<String, String> payload, String timerId) {
        String number = payload.get(RETRY_NUMBER);
        return Integer.parseInt(number != null ? number : timerId.substring(timerId.lastIndexOf(':') + 1));
    }

    /** Which attempt an offer timer is about. */
    public static int offerAttempt(Map<String, String> payload) {
        return Integer.parseInt(payload.getOrDefault(OFFER_ATTEMPT, "0"));
    }

    /**
     * Offers the request to {@code best} (all of them at once, a broadcast, when there are several), or waits for
     * someone as ESCALATED. The coordinator is told once: when nobody fits, or when the offers that failed reach the
     * limit (and then the offers go on).
     */
    private Decision<Assignment> choose(List<MatchPolicy.Match> best, Instant now, OfferTerms terms) {
        boolean offersFailed = passedOver.size() >= terms.maxFailedOffers();
        boolean tell = !escalated && (best.isEmpty() || offersFailed);
        boolean nowEscalated = escalated || tell;
        Set<String> offered = new LinkedHashSet<>();
        best.forEach(match -> offered.add(match.candidate().id()));
        Assignment next = best.isEmpty()
                ? with(Status.ESCALATED, null, attempt, nowEscalated, now, null, Set.of(), passedOver, null)
                : with(Status.OFFERED, best.get(0).candidate().id(), attempt + 1, nowEscalated, now,
                        now.plus(terms.windowFor(request)), offered, passedOver, best.get(0).why());
        Decision<Assignment> decision = Decision.to(next);
        for (String supporter : offered) {
            decision = decision.publishing(new OfferMade(newEventId(), now, request.hospitalId(), request.requestId(),
                    supporter, next.offeredUntil()));
        }
        if (!best.isEmpty()) {
            decision = decision.scheduling(offerTimer("offer:" + next.attempt(), next.attempt(), next.offeredUntil()));
        }
        if (tell) {
            // The retry chain that starts here runs until the request is assigned.
            decision = decision.publishing(new MatchEscalated(newEventId(), now, request.hospitalId(),
                            request.requestId(), offersFailed ? OFFERS_FAILED : NO_ELIGIBLE_SUPPORTER))
                    .scheduling(retryTimer(1, terms.retries().dueAt(1, now)));
        }
        return decision;
    }

    /** {@code decision}, withdrawing the open offer from everyone it was made to but {@code winner}. */
    private Decision<Assignment> withdrawingOthers(String winner, Instant now, Decision<Assignment> decision) {
        Decision<Assignment> withdrawn = decision;
        if (status == Status.OFFERED) {
            for (String other : new TreeSet<>(offeredTo)) {
                if (!other.equals(winner)) {
                    withdrawn = withdrawn.publishing(new OfferWithdrawn(newEventId(), now, request.hospitalId(),
                            request.requestId(), other));
                }
            }
        }
        return withdrawn;
    }

    private Assignment with(Status newStatus, String supporter, int newAttempt, boolean nowEscalated, Instant at,
            Instant until, Set<String> offered, Set<String> passed, Explanation explanation) {
        return new Assignment(request, requesterRef, newStatus, supporter, newAttempt, nowEscalated, at, until,
                offered, passed, explanation);
    }

    private Decision.Timer retryTimer(int number, Instant dueAt) {
        return new Decision.Timer("retry:" + number, RETRY_TIMER, request.hospitalId(), dueAt,
                Map.of(RETRY_NUMBER, String.valueOf(number)));
    }

    private Decision.Timer offerTimer(String key, int offerAttempt, Instant dueAt) {
        return new Decision.Timer(key, OFFER_TIMER, request.hospitalId(), dueAt,
                Map.of(OFFER_ATTEMPT, String.valueOf(offerAttempt)));
    }

    private void requireDeciding() {
        if (status != Status.DECIDING) {
            throw new AssignmentNotInThatState(status, "RESERVED");
        }
    }
}
