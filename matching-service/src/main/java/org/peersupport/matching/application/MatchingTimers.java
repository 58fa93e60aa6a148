package org.peersupport.matching.application;

import java.util.function.Consumer;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.matching.domain.Availability;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Matching's timers besides its retries (which {@link MatchingService} handles itself): an offer's window ends or an
 * acceptance is looked at again; a supporter's rest ends, so the requests that waited meanwhile are offered at once.
 */
@Configuration
class MatchingTimers {

    /** One timer type handed to one method of the service. */
    record Handler(String type, Consumer<TimerTask> action) implements TimerHandler {

        @Override
        public void fire(TimerTask timer) {
            action.accept(timer);
        }
    }

    @Bean
    TimerHandler offerTimers(MatchingService matching) {
        return new Handler(Assignment.OFFER_TIMER, matching::offerTimerFired);
    }

    @Bean
    TimerHandler restTimers(MatchingService matching) {
        return new Handler(Availability.REST_OVER_TIMER, timer -> matching.restOver(timer.aggregateId()));
    }
}
