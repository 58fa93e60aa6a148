package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses supporters for a request. A candidate must pass every {@link HardRule} and not have been passed over for
 * this request already (declined, or let an offer expire); among those the highest {@link Score} wins, then
 * fairness: the fewest active cases (open offers counted), then the least recently assigned (never assigned first), then the id, so the
 * same pool always gives the same answer. One pass over the pool, keeping only the best {@code k}.
 */
public final class MatchPolicy {

    /** A candidate who passed every rule, with their score. */
    public record Match(Candidate candidate, Score score) {

        public Supporter supporter() {
            return candidate.supporter();
        }

        /** The "why" of this choice: every rule passed, the score parts and the fairness figures. */
        public Explanation why() {
            return new Explanation(candidate.id(), Arrays.asList(HardRule.values()), List.of(), false, score,
                    candidate.activeCases(), candidate.openOffers(), candidate.lastAssignedAt());
        }
    }

    /** Best first: score, then fewest active cases and open offers, least recently assigned, id. */
    public static final Comparator<Match> BEST_FIRST = MatchPolicy::compare;

    /** The best supporter for the request, if anyone fits. */
    public Optional<Supporter> choose(MatchRequest request, Collection<Candidate> candidates, Instant now) {
        return best(request, candidates, Set.of(), now).map(Match::supporter);
    }

    /** The best match, leaving out the supporters already passed over for this request. */
    public Optional<Match> best(MatchRequest request, Collection<Candidate> candidates, Set<String> passedOver,
            Instant now) {
        return top(request, candidates, passedOver, now, 1).stream().findFirst();
    }

    /** The best {@code k} matches, best first (fewer when fewer fit). */
    public List<Match> top(MatchRequest request, Collection<Candidate> candidates, Set<String> passedOver,
            Instant now, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        List<Match> best = new ArrayList<>(k + 1);
        for (Candidate candidate : candidates) {
            if (passedOver.contains(candidate.id()) || !HardRule.allPass(request, candidate, now)) {
                continue;
            }
            // Most eligible candidates of a large pool are no better than the k kept: they allocate nothing.
            if (best.size() == k && compare(Score.totalOf(request, candidate), candidate,
                    best.get(k - 1).score().total(), best.get(k - 1).candidate()) >= 0) {
                continue;
            }
            Match match = new Match(candidate, Score.of(request, candidate));
            int at = best.size();
            while (at > 0 && BEST_FIRST.compare(match, best.get(at - 1)) < 0) {
                at--;
            }
            best.add(at, match);
            if (best.size() > k) {
                best.remove(k);
            }
        }
        return best;
    }

    /** The order of {@link #BEST_FIRST}, written out: it runs for every eligible candidate of a decision. */
    private static int compare(Match a, Match b) {
        return compare(a.score().total(), a.candidate(), b.score().total(), b.candidate());
    }

    private static int compare(int totalA, Candidate a, int totalB, Candidate b) {
        int byScore = Integer.compare(totalB, totalA);
        if (byScore != 0) {
            return byScore;
        }
        int byLoad = Long.compare(a.load(), b.load());
        if (byLoad != 0) {
            return byLoad;
        }
        Instant lastA = a.lastAssignedAt();
        Instant lastB = b.lastAssignedAt();
        if (lastA != lastB) {
            if (lastA == null || lastB == null) {
                return lastA == null ? -1 : 1;
            }
            int byLast = lastA.compareTo(lastB);
            if (byLast != 0) {
                return byLast;
            }
        }
        return a.id().compareTo(b.id());
    }

    /** Every rule checked for one candidate, for the coordinator (not the hot path: nothing stops early). */
    public Explanation explain(MatchRequest request, Candidate candidate, Set<String> passedOver, Instant now) {
        List<HardRule> passed = new ArrayList<>();
        List<HardRule> failed = new ArrayList<>();
        for (HardRule rule : HardRule.values()) {
            (rule.passes(request, candidate, now) ? passed : failed).add(rule);
        }
        return new Explanation(candidate.id(), passed, failed, passedOver.contains(candidate.id()),
                Score.of(request, candidate), candidate.activeCases(), candidate.openOffers(),
                candidate.lastAssignedAt());
    }

    /** Every candidate explained: the eligible ones in the order they would be offered, then the others by id. */
    public List<Explanation> explainAll(MatchRequest request, Collection<Candidate> candidates,
            Set<String> passedOver, Instant now) {
        List<Explanation> all = new ArrayList<>(candidates.stream()
                .filter(c -> !passedOver.contains(c.id()) && HardRule.allPass(request, c, now))
                .map(c -> new Match(c, Score.of(request, c)))
                .sorted(BEST_FIRST).map(Match::why).toList());
        candidates.stream()
                .map(candidate -> explain(request, candidate, passedOver, now))
                .filter(explanation -> !explanation.eligible())
                .sorted(Comparator.comparing(Explanation::supporterId))
                .forEach(all::add);
        return all;
    }
}
