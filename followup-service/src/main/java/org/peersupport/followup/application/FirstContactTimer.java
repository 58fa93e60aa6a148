package org.peersupport.followup.application;

import org.peersupport.followup.domain.SupportCase;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.springframework.stereotype.Component;

/** The first-contact clock of a case: without a first contact by then, the coordinator is told. */
@Component
class FirstContactTimer implements TimerHandler {

    private final FollowupService followup;

    FirstContactTimer(FollowupService followup) {
        this.followup = followup;
    }

    @Override
    public String type() {
        return SupportCase.FIRST_CONTACT_TIMER;
    }

    @Override
    public void fire(TimerTask timer) {
        followup.firstContactClockRanOut(timer);
    }
}
