package org.peersupport.matching.domain;

import java.time.Duration;

/**
 * How offers run: a supporter has {@code window} to answer ({@code urgentWindow} for an urgent request, which goes to
 * the best {@code broadcastSize} at once, the first to accept taking it); after {@code maxFailedOffers} offers
 * declined or expired the coordinator is told, while matching keeps offering and, once nobody is left, keeps looking
 * on the {@code retries} schedule.
 */
public record OfferTerms(Duration window, Duration urgentWindow, int maxFailedOffers, int broadcastSize,
        RetrySchedule retries) {

    public OfferTerms {
        if (window.isNegative() || window.isZero() || urgentWindow.isNegative() || urgentWindow.isZero()) {
            throw new IllegalArgumentException("offer windows must be positive");
        }
        if (maxFailedOffers < 1) {
            throw new IllegalArgumentException("at least one offer must be able to fail before escalating");
        }
        if (broadcastSize < 1) {
            throw new IllegalArgumentException("a broadcast goes to one supporter at least");
        }
    }

    public Duration windowFor(MatchRequest request) {
        return request.urgent() ? urgentWindow : window;
    }

    /** How many supporters are offered the request at once. */
    public int offersAtOnce(MatchRequest request) {
        return request.urgent() ? broadcastSize : 1;
    }
}
