package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.Map;
import org.peersupport.platform.kernel.Decision;

/**
 * Whether a supporter can take a request now: set by the supporter (on call or away, a rest period until a time)
 * and by matching (a cool-down after a hard case or a busy week). Supporters need care too.
 */
public record Availability(Status status, Instant restUntil, Instant coolDownUntil) {

    public enum Status {
        ON_CALL, AWAY
    }

    /** The type of the timer that ends a supporter's rest, so the requests waiting meanwhile are offered at once. */
    public static final String REST_OVER_TIMER = "matching.rest-over";

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

    /**
     * As {@link #setBySupporter}, as a decision: a rest that ends after {@code now} asks for a timer then (one per
     * end time, so setting the same rest again schedules nothing new).
     */
    public Decision<Availability> set(Status newStatus, Instant newRestUntil, String hospitalId, Instant now) {
        Decision<Availability> set = Decision.to(setBySupporter(newStatus, newRestUntil));
        if (newRestUntil != null && newRestUntil.isAfter(now)) {
            set = set.scheduling(new Decision.Timer("rest-over:" + newRestUntil.getEpochSecond(), REST_OVER_TIMER,
                    hospitalId, newRestUntil, Map.of()));
        }
        return set;
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
