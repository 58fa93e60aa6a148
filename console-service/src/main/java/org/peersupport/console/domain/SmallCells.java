package org.peersupport.console.domain;

/**
 * Small-cell suppression of a table of counts whose last row and last column are totals. Every count below
 * {@link #THRESHOLD} is hidden (shown as {@code "<5"}); then, so that no hidden count can be worked out by subtracting
 * the shown cells of its row or column from their total, every line (row or column, total included) left with
 * exactly one hidden cell has its smallest other cell hidden too, repeated until no line has exactly one. A line with
 * two or more hidden cells only says what they add up to.
 */
public final class SmallCells {

    /** Counts below this are never shown. */
    public static final int THRESHOLD = 5;

    private SmallCells() {
    }

    /** Which cells of {@code table} (totals in its last row and column) are hidden. */
    public static boolean[][] suppress(long[][] table) {
        int rows = table.length;
        int columns = rows == 0 ? 0 : table[0].length;
        boolean[][] hidden = new boolean[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                hidden[r][c] = table[r][c] < THRESHOLD;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                changed |= complete(table, hidden, r, -1, columns);
            }
            for (int c = 0; c < columns; c++) {
                changed |= complete(table, hidden, -1, c, rows);
            }
        }
        return hidden;
    }

    /** Hides a second cell of the line (row {@code row}, or column {@code column}) if it has exactly one hidden. */
    private static boolean complete(long[][] table, boolean[][] hidden, int row, int column, int length) {
        int hiddenCount = 0;
        for (int i = 0; i < length; i++) {
            if (row >= 0 ? hidden[row][i] : hidden[i][column]) {
                hiddenCount++;
            }
        }
        if (hiddenCount != 1 || length < 2) {
            return false;
        }
        // The smallest shown cell, preferring a part over the line's total (the last cell): it costs the least.
        int best = -1;
        for (int i = 0; i < length; i++) {
            boolean isHidden = row >= 0 ? hidden[row][i] : hidden[i][column];
            if (isHidden) {
                continue;
            }
            long value = row >= 0 ? table[row][i] : table[i][column];
            long bestValue = best < 0 ? Long.MAX_VALUE : row >= 0 ? table[row][best] : table[best][column];
            boolean isTotal = i == length - 1;
            boolean bestIsTotal = best == length - 1;
            if (best < 0 || (bestIsTotal && !isTotal) || (isTotal == bestIsTotal && value < bestValue)) {
                best = i;
            }
        }
        if (row >= 0) {
            hidden[row][best] = true;
        } else {
            hidden[best][column] = true;
        }
        return true;
    }
}
