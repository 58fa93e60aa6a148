package org.peersupport.followup.application;

import org.peersupport.followup.domain.SupportCase;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.springframework.stereotype.Component;

/** The end of a check-in's grace period: missed without an outcome, and after the last one the case closes. */
@Component
class CheckInGraceTimer implements TimerHandler {

    private final FollowupService followup;

    CheckInGraceTimer(FollowupService followup) {
        this.followup = followup;
    }

    @Override
    public String type() {
        return SupportCase.CHECK_IN_GRACE_TIMER;
    }

    @Override
    public void fire(TimerTask timer) {
        followup.checkInGraceOver(timer);
    }
}
