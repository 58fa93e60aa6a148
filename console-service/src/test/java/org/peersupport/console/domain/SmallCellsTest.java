package org.peersupport.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallCellsTest {

    @Test
    void aSmallCountAloneInItsRowTakesTheSmallestOtherPartWithIt() {
        // self, on behalf, referral, trigger | total
        long[][] table = {{10, 6, 7, 2, 25}, {10, 6, 7, 2, 25}};

        boolean[][] hidden = SmallCells.suppress(table);

        assertThat(hidden[0]).containsExactly(false, true, false, true, false);
        assertThat(hidden[1]).containsExactly(false, true, false, true, false);
    }

    @Test
    void aSmallCellInOneMonthHidesTheSameSourceInAnotherSoTheRangeTotalGivesNothingAway() {
        // September and October by source, then the range's total row.
        long[][] table = {{12, 0, 6, 3, 21}, {3, 1, 1, 0, 5}, {15, 1, 7, 3, 26}};

        boolean[][] hidden = SmallCells.suppress(table);

        assertThat(hidden[1]).as("all of a total of 5 are small").containsExactly(true, true, true, true, false);
        assertThat(hidden[0]).as("else 15 - 12 and 7 - 6 give October's 3 and 1 away")
                .containsExactly(true, true, true, true, false);
        assertThat(hidden[2]).containsExactly(false, true, false, true, false);
        assertNoLineHasExactlyOneHidden(hidden);
    }

    @Test
    void noHiddenCountCanBeWorkedOutFromItsRowOrColumnInAnyTable() {
        Random random = new Random(12);
        for (int run = 0; run < 2000; run++) {
            int rows = 1 + random.nextInt(6);
            int columns = 1 + random.nextInt(5);
            long[][] table = new long[rows + 1][columns + 1];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    table[r][c] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(40);
                    table[r][columns] += table[r][c];
                    table[rows][c] += table[r][c];
                    table[rows][columns] += table[r][c];
                }
            }

            boolean[][] hidden = SmallCells.suppress(table);

            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= columns; c++) {
                    if (table[r][c] < SmallCells.THRESHOLD) {
                        assertThat(hidden[r][c]).as("count %d at %d,%d", table[r][c], r, c).isTrue();
                    }
                }
            }
            assertNoLineHasExactlyOneHidden(hidden);
        }
    }

    /** A line with exactly one hidden cell gives it away: total minus the others. */
    private static void assertNoLineHasExactlyOneHidden(boolean[][] hidden) {
        for (int r = 0; r < hidden.length; r++) {
            int count = 0;
            for (boolean cell : hidden[r]) {
                count += cell ? 1 : 0;
            }
            assertThat(count).as("hidden in row %d", r).isNotEqualTo(1);
        }
        for (int c = 0; c < hidden[0].length; c++) {
            int count = 0;
            for (boolean[] row : hidden) {
                count += row[c] ? 1 : 0;
            }
            if (hidden.length > 1) {
                assertThat(count).as("hidden in column %d", c).isNotEqualTo(1);
            }
        }
    }
}
