package org.peersupport.console.domain;

/** One training session's seats and the seats taken when it started; no person. */
public record SessionSeats(int seats, int taken) {

    public SessionSeats {
        taken = Math.max(0, Math.min(taken, seats));
    }
}
