package org.peersupport.followup.domain;

import java.time.Instant;
import org.peersupport.events.CheckInOutcome;

/**
 * A check-in that fell due: its outcome once the supporter recorded one, whether its grace period passed without,
 * and whether it was the last of the schedule when it fell due (so the end of its grace closes the case, whatever
 * the schedule says by then).
 */
public record CheckIn(int number, Instant dueAt, CheckInOutcome outcome, boolean missed, boolean last) {

    CheckIn recorded(CheckInOutcome recorded) {
        return new CheckIn(number, dueAt, recorded, missed, last);
    }

    CheckIn missedNow() {
        return new CheckIn(number, dueAt, outcome, true, last);
    }
}
