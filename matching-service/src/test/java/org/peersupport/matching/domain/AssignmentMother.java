package org.peersupport.matching.domain;

import static org.peersupport.matching.domain.MatchRequestMother.REQUESTER;
import static org.peersupport.matching.domain.SupporterMother.NOW;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Assignments at each stage, on the default terms: 2 h to answer (30 min when urgent), 3 failed offers. */
final class AssignmentMother {

    static final OfferTerms TERMS = new OfferTerms(Duration.ofHours(2), Duration.ofMinutes(30), 3, 3,
            new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10)));

    private AssignmentMother() {
    }

    /** The supporters as the policy would hand them over (best first), free and without history. */
    static List<MatchPolicy.Match> match(MatchRequest request, Supporter... supporters) {
        List<MatchPolicy.Match> matches = new ArrayList<>();
        for (Supporter supporter : supporters) {
            Candidate candidate = CandidateMother.free(supporter);
            matches.add(new MatchPolicy.Match(candidate, Score.of(request, candidate)));
        }
        return matches;
    }

    static List<MatchPolicy.Match> match(Supporter... supporters) {
        return match(MatchRequestMother.nurseAtLakeside(), supporters);
    }

    static Assignment offeredTo(MatchRequest request, Supporter supporter) {
        return Assignment.open(request, REQUESTER, match(request, supporter), NOW, TERMS).state();
    }

    static Assignment offeredTo(Supporter supporter) {
        return offeredTo(MatchRequestMother.nurseAtLakeside(), supporter);
    }

    /** Accepted by the supporter, a place not reserved yet. */
    static Assignment decidingOn(MatchRequest request, Supporter supporter) {
        return offeredTo(request, supporter).accept(supporter.id(), NOW).state();
    }

    static Assignment decidingOn(Supporter supporter) {
        return decidingOn(MatchRequestMother.nurseAtLakeside(), supporter);
    }

    static Assignment escalated() {
        return Assignment.open(MatchRequestMother.nurseAtLakeside(), REQUESTER, List.of(), NOW, TERMS).state();
    }
}
