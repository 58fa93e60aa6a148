package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the supporter for a request. For now: certified and current, of the requester's hospital, with room under
 * their capacity; the one with the fewest active cases, then the same clinical role, then by id so the choice is
 * repeatable. The richer rules of docs/design.md (unit, involvement, language, modality, network) come with their issue.
 */
public final class MatchPolicy {

    public Optional<Supporter> choose(MatchRequest request, List<Candidate> candidates, Instant now) {
        return candidates.stream()
                .filter(c -> c.supporter().isCurrent(now))
                .filter(c -> c.supporter().hospitalId().equals(request.hospitalId()))
                .filter(c -> c.activeCases() < c.supporter().capacity())
                .min(Comparator.comparingLong(Candidate::activeCases)
                        .thenComparing(c -> c.supporter().role() == request.requesterRole() ? 0 : 1)
                        .thenComparing(c -> c.supporter().id()))
                .map(Candidate::supporter);
    }
}
