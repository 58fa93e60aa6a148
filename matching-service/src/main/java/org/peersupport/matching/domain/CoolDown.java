package org.peersupport.matching.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A hospital's rule that a supporter who took {@code casesPerWeek} cases within seven days gets a rest from new
 * offers for {@code length} (0 cases: no such rule). Supporters need care too.
 */
public record CoolDown(int casesPerWeek, Duration length) {

    public static final CoolDown NONE = new CoolDown(0, Duration.ZERO);
    static final Duration WEEK = Duration.ofDays(7);

    public CoolDown {
        if (casesPerWeek < 0 || length.isNegative()) {
            throw new IllegalArgumentException("a cool-down needs a number of cases and a length, neither negative");
        }
    }

    /** Until when a supporter who took cases at {@code taken} (the latest included) cools down; null: no need. */
    public Instant until(List<Instant> taken, Instant now) {
        if (casesPerWeek == 0) {
            return null;
        }
        long inTheWeek = taken.stream().filter(at -> at.isAfter(now.minus(WEEK))).count();
        return inTheWeek >= casesPerWeek ? now.plus(length) : null;
    }
}
