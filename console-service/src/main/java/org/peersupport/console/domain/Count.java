package org.peersupport.console.domain;

/**
 * A count as it may be shown: its value, or hidden. A count below 5 shows as {@code "<5"}; a larger one hidden only
 * so that a small one beside it cannot be worked out from a total (complementary suppression) shows as
 * {@code "hidden"}, never as a false "&lt;5".
 */
public record Count(long value, boolean hidden) {

    public static final String SMALL = "<" + SmallCells.THRESHOLD;
    public static final String COMPLEMENT = "hidden";

    /** What the page, the CSV and the API show: the number, {@code "<5"} or {@code "hidden"}. */
    public Object shown() {
        if (!hidden) {
            return value;
        }
        return value < SmallCells.THRESHOLD ? SMALL : COMPLEMENT;
    }
}
