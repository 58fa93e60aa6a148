package org.peersupport.matching.application;

import java.util.List;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.matching.domain.Explanation;

/** A request's assignment as it stands, and every supporter of the pool explained against it, for its coordinator. */
public record CandidatesView(Assignment assignment, List<Explanation> candidates) {

    public CandidatesView {
        candidates = List.copyOf(candidates);
    }
}
