package org.peersupport.matching.domain;

import java.time.Instant;

/**
 * Whether a supporter can take a request now: set by the supporter (on call or away, a rest period until a time)
 * and by matching (a cool-down after a hard case or a busy week). Supporters need care too.
 */
public record Availability(Status status, Instant restUntil, Instant coolDownUntil) {

    public enum Status {
        ON_CALL, AWAY
    }

    public Availability {
        status = status == null ? Status.ON_CALL : status;
    }

    public static Availability onCall() {
        return new Availability(Status.ON_CALL, null, null);
    }

    public boolean isAvailable(Instant now) {
        return status == Status.ON_CALL && !before(now, restUntil) && !before(now, coolDownUntil);
    }

    /** The supporter set themselves on call or away, resting until {@code restUntil} (null: no rest period). */
    public Availability setBySupporter(Status newStatus, Instant newRestUntil) {
        return new Availability(newStatus, newRestUntil, coolDownUntil);
    }

    /** Matching gives a cool-down until {@code until}; an earlier end never shortens one already given. */
    public Availability coolingDownUntil(Instant until) {
        return new Availability(status, restUntil,
                coolDownUntil != null && coolDownUntil.isAfter(until) ? coolDownUntil : until);
    }

    private static boolean before(Instant now, Instant until) {
        return until != null && now.isBefore(until);
    }
}
