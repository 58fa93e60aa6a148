package org.peersupport.matching.application;

import org.peersupport.matching.domain.Assignment;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.springframework.stereotype.Component;

/** The offer timers: an offer's window ends, or an acceptance is looked at again in case its settling was cut short. */
@Component
class OfferTimers implements TimerHandler {

    private final MatchingService matching;

    OfferTimers(MatchingService matching) {
        this.matching = matching;
    }

    @Override
    public String type() {
        return Assignment.OFFER_TIMER;
    }

    @Override
    public void fire(TimerTask timer) {
        matching.offerTimerFired(timer);
    }
}
