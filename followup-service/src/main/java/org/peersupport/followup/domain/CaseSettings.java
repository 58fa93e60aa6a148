package org.peersupport.followup.domain;

import java.time.Duration;

/**
 * One hospital's follow-up clocks: the first contact is due {@code firstContactWithin} after the case opens
 * ({@code urgentFirstContactWithin} when the request asked to be reached today), check-ins fall due on
 * {@code schedule} counted from the first contact, and a check-in with no outcome recorded {@code checkInGrace}
 * after it fell due is missed.
 */
public record CaseSettings(Duration firstContactWithin, Duration urgentFirstContactWithin, CheckInSchedule schedule,
        Duration checkInGrace) {

    public CaseSettings {
        if (firstContactWithin.isNegative() || urgentFirstContactWithin.isNegative() || checkInGrace.isNegative()) {
            throw new IllegalArgumentException("follow-up durations are never negative");
        }
    }

    public Duration firstContactWithin(boolean urgent) {
        return urgent ? urgentFirstContactWithin : firstContactWithin;
    }
}
