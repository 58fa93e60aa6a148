package org.peersupport.console.domain;

import java.util.List;
import java.util.OptionalLong;

/** Nearest-rank percentiles of durations in whole minutes; none for fewer than {@link SmallCells#THRESHOLD}. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percent}-th percentile of sorted minutes, or empty when there are too few to show any. */
    public static OptionalLong of(List<Long> sortedMinutes, int percent) {
        if (sortedMinutes.size() < SmallCells.THRESHOLD) {
            return OptionalLong.empty();
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedMinutes.size());
        return OptionalLong.of(sortedMinutes.get(Math.max(rank, 1) - 1));
    }
}
