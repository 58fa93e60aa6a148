package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.List;

/**
 * Why a supporter was (or was not) a candidate for a request, for the coordinator: the hard rules passed and failed
 * by name, the score parts and the fairness figures. Ids and names of rules only, no personal data.
 *
 * @param passedOver the supporter was offered this request before and declined or let the offer expire
 */
public record Explanation(String supporterId, List<HardRule> passed, List<HardRule> failed, boolean passedOver,
        Score score, long activeCases, long openOffers, Instant lastAssignedAt) {

    public Explanation {
        passed = List.copyOf(passed);
        failed = List.copyOf(failed);
    }

    public boolean eligible() {
        return failed.isEmpty() && !passedOver;
    }
}
