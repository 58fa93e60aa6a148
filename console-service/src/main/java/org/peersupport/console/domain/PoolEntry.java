package org.peersupport.console.domain;

import java.time.Instant;

/**
 * One supporter of a hospital's pool (known by a keyed hash only): the end of their latest certification (null when
 * only its lapse was seen yet) and the end of the latest certification training said lapsed (null when none did).
 */
public record PoolEntry(Instant certifiedUntil, Instant lapsedUntil) {

    /** Where the supporter stands at {@code now}. */
    public enum Status {
        /** Certified, and the end is still ahead. */
        CURRENT,
        /** Training's {@code CertificationLapsed} said their latest certification lapsed. */
        LAPSED,
        /** The end has passed and training's lapse is still to come (its timer runs after the end). */
        ENDED
    }

    public Status status(Instant now) {
        if (lapsedUntil != null && (certifiedUntil == null || !lapsedUntil.isBefore(certifiedUntil))) {
            return Status.LAPSED;
        }
        return now.isBefore(certifiedUntil) ? Status.CURRENT : Status.ENDED;
    }
}
