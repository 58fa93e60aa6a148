package org.peersupport.matching.domain;

import java.time.Duration;
import java.time.Instant;

/** When an escalated request is looked at again: {@code first} after escalating, then doubling up to {@code max}. */
public record RetrySchedule(Duration first, Duration max) {

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("retry delays must be positive, the first no longer than the longest");
        }
    }

    /** When retry {@code number} (1 for the first) falls due, counted from {@code now}. */
    public Instant dueAt(int number, Instant now) {
        Duration delay = first;
        for (int i = 1; i < number && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return now.plus(delay.compareTo(max) < 0 ? delay : max);
    }
}
