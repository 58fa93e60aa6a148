package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.Set;

/**
 * The rules a supporter must pass to be offered a request, each by name: the names are what the coordinator reads in
 * an {@link Explanation}. None of them is ever weighed against a score.
 */
public enum HardRule {

    /** Certified by training and not lapsed. */
    CERTIFIED_AND_CURRENT((request, candidate, now) ->
            candidate.supporter().isCurrent(now)),
    /** Not involved in the same adverse event (the same trigger) as the requester. */
    NOT_INVOLVED_IN_SAME_EVENT((request, candidate, now) ->
            disjoint(request.involvedEventRefs(), candidate.involvedEventRefs())),
    /** Not of the requester's own unit, unless the requester asked for it. */
    NOT_SAME_UNIT((request, candidate, now) -> {
        Supporter supporter = candidate.supporter();
        return request.sameUnitAllowed() || request.unit() == null || supporter.unit() == null
                || !supporter.hospitalId().equals(request.hospitalId()) || !supporter.unit().equals(request.unit());
    }),
    /** Not the requester's supervisor nor anyone listed as a conflict, by the request or by the supporter. */
    NO_CONFLICT((request, candidate, now) ->
            !request.excludedSupporterIds().contains(candidate.id())
                    && (request.requesterRef() == null || !candidate.conflictRefs().contains(request.requesterRef()))),
    /** Fewer active cases and open offers together than their capacity. */
    WITHIN_CAPACITY((request, candidate, now) ->
            candidate.load() < candidate.supporter().capacity()),
    /** On call, not resting and not in a cool-down. */
    AVAILABLE((request, candidate, now) ->
            candidate.availability().isAvailable(now)),
    /** Speaks the language the requester asked for (any, when they asked for none). */
    SPEAKS_LANGUAGE((request, candidate, now) ->
            request.language() == null || speaks(candidate.supporter(), request.language())),
    /** Of the requester's hospital; of another only when the requester chose the network and the supporter takes it. */
    OWN_HOSPITAL_OR_NETWORK((request, candidate, now) -> {
        Supporter supporter = candidate.supporter();
        return supporter.hospitalId().equals(request.hospitalId())
                || request.networkChosen() && supporter.takesNetworkRequests();
    });

    /**
     * The order a decision checks them in: the cheap ones that stop most candidates of a large pool first (the
     * outcome does not depend on it, only the time).
     */
    private static final HardRule[] CHEAPEST_FIRST = {OWN_HOSPITAL_OR_NETWORK, WITHIN_CAPACITY, AVAILABLE,
        CERTIFIED_AND_CURRENT, SPEAKS_LANGUAGE, NOT_SAME_UNIT, NO_CONFLICT, NOT_INVOLVED_IN_SAME_EVENT};

    private interface Check {
        boolean passes(MatchRequest request, Candidate candidate, Instant now);
    }

    private final Check check;

    HardRule(Check check) {
        this.check = check;
    }

    public boolean passes(MatchRequest request, Candidate candidate, Instant now) {
        return check.passes(request, candidate, now);
    }

    /** Whether the candidate passes every rule; stops at the first that fails (the hot path of a decision). */
    public static boolean allPass(MatchRequest request, Candidate candidate, Instant now) {
        for (HardRule rule : CHEAPEST_FIRST) {
            if (!rule.passes(request, candidate, now)) {
                return false;
            }
        }
        return true;
    }

    private static boolean speaks(Supporter supporter, String wanted) {
        for (String language : supporter.languages()) {
            if (language.equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String ref : small) {
            if (large.contains(ref)) {
                return false;
            }
        }
        return true;
    }
}
