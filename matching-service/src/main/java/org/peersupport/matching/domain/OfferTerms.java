package org.peersupport.matching.domain;

import java.time.Duration;

/**
 * How offers run: a supporter has {@code window} to answer ({@code urgentWindow} for an urgent request); after
 * {@code maxFailedOffers} offers declined or expired the coordinator is told, while matching keeps offering and, once
 * nobody is left, keeps looking on the {@code retries} schedule.
 */
public record OfferTerms(Duration window, Duration urgentWindow, int maxFailedOffers, RetrySchedule retries) {

    public OfferTerms {
        if (window.isNegative() || window.isZero() || urgentWindow.isNegative() || urgentWindow.isZero()) {
            throw new IllegalArgumentException("offer windows must be positive");
        }
        if (maxFailedOffers < 1) {
            throw new IllegalArgumentException("at least one offer must be able to fail before escalating");
        }
    }

    public Duration windowFor(MatchRequest request) {
        return request.urgent() ? urgentWindow : window;
    }
}
