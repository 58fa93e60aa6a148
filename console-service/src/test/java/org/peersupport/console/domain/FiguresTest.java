package org.peersupport.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final Instant OCTOBER = Instant.parse("2026-10-05T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void timeToAssignmentGivesNearestRankPercentilesAndComplianceAsABoundWhenFewMissTheSla() {
        List<RequestFacts> october = new ArrayList<>();
        long[] minutes = {10, 20, 30, 40, 50, 60, 90, 120, 1500, 2000};
        for (int i = 0; i < minutes.length; i++) {
            october.add(new RequestFacts("r" + i, "a", OCTOBER, Source.SELF, OCTOBER.plusSeconds(minutes[i] * 60),
                    false, false, 0));
        }

        Figures figures = Figures.of("a", Duration.ofHours(24), Map.of(YearMonth.of(2026, 10), october), List.of(),
                NOW);

        Figures.Assignment assignment = figures.months().get(0).assignment();
        assertThat(assignment.assigned().shown()).isEqualTo(10L);
        assertThat(assignment.beyondSla().shown()).isEqualTo("<5");
        assertThat(assignment.withinSla().shown()).as("else 10 - 8 gives the 2 away").isEqualTo("hidden");
        assertThat(assignment.compliance()).isEqualTo("≥60%");
        assertThat(assignment.p50Minutes()).hasValue(50);
        assertThat(assignment.p90Minutes()).hasValue(1500);
    }

    @Test
    void fewerThanFiveAssignmentsShowNoPercentileAndNoCompliance() {
        List<RequestFacts> october = List.of(
                new RequestFacts("r1", "a", OCTOBER, Source.SELF, OCTOBER.plusSeconds(60), false, false, 0),
                new RequestFacts("r2", "a", OCTOBER, Source.TRIGGER, null, true, false, 0));

        Figures figures = Figures.of("a", Duration.ofHours(24), Map.of(YearMonth.of(2026, 10), october), List.of(),
                NOW);

        Figures.Row row = figures.months().get(0);
        assertThat(row.assignment().p50Minutes()).isEmpty();
        assertThat(row.assignment().compliance()).isEqualTo("<5");
        assertThat(row.requests().shown()).isEqualTo("<5");
        assertThat(row.escalated().shown()).isEqualTo("<5");
    }

    @Test
    void aMonthHiddenInARangeIsNotGivenAwayByTheRangeTotal() {
        Map<YearMonth, List<RequestFacts>> byMonth = new LinkedHashMap<>();
        byMonth.put(YearMonth.of(2026, 9), requests(9, 2));
        byMonth.put(YearMonth.of(2026, 10), requests(10, 8));
        byMonth.put(YearMonth.of(2026, 11), requests(11, 7));

        Figures figures = Figures.of("a", Duration.ofHours(24), byMonth, List.of(), NOW);

        assertThat(figures.total().requests().shown()).isEqualTo(17L);
        assertThat(figures.months().get(0).requests().shown()).isEqualTo("<5");
        assertThat(figures.months().get(2).requests().shown()).as("the smallest other month").isEqualTo("hidden");
        assertThat(figures.months().get(1).requests().shown()).isEqualTo(8L);
    }

    @Test
    void thePoolCountsCurrentLapsedAndEndedCertificationsAtTheTimeAsked() {
        List<PoolEntry> pool = new ArrayList<>();
        Instant ahead = NOW.plus(Duration.ofDays(30));
        for (int i = 0; i < 6; i++) {
            pool.add(new PoolEntry(ahead, null));
        }
        pool.add(new PoolEntry(ahead, NOW.minus(Duration.ofDays(400))));
        for (int i = 0; i < 5; i++) {
            pool.add(new PoolEntry(NOW.minus(Duration.ofDays(1)), null));
        }
        for (int i = 0; i < 4; i++) {
            pool.add(new PoolEntry(ahead, ahead));
        }
        pool.add(new PoolEntry(null, NOW.minus(Duration.ofDays(2))));

        Figures.Pool shown = Figures.of("a", Duration.ofHours(24), Map.of(), Map.of(), Map.of(), pool, NOW).pool();

        assertThat(shown.current().shown()).as("a lapse of an earlier certification").isEqualTo(7L);
        assertThat(shown.lapsed().shown()).as("lapsed by training's event, end passed or not, certified seen or not")
                .isEqualTo(5L);
        assertThat(shown.ended().shown()).isEqualTo(5L);
        assertThat(shown.total().shown()).isEqualTo(17L);
    }

    @Test
    void aShareOfAHiddenPartSaysOnlyTheBoundItsSmallCountSays() {
        assertThat(Figures.share(new Count(6, false), new Count(8, false))).isEqualTo("75%");
        assertThat(Figures.share(new Count(3, true), new Count(20, false))).isEqualTo("≤20%");
        assertThat(Figures.share(new Count(7, true), new Count(20, false))).isEqualTo("hidden");
        assertThat(Figures.share(new Count(3, true), new Count(3, true))).isEqualTo("<5");
    }

    @Test
    void thePulseAveragesEachScoreOnlyOverFiveOrMoreAnswersThatGaveIt() {
        List<FeedbackAnswer> answers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            answers.add(new FeedbackAnswer(i, true, i < 5 ? 2 : null, null, null, null, null));
        }

        assertThat(Figures.averages(answers)).containsEntry("helpfulness", "3.0").containsEntry("distress", "<5")
                .containsEntry("turnoverIntention", "<5");
    }

    private static List<RequestFacts> requests(int month, int count) {
        List<RequestFacts> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new RequestFacts(month + "-" + i, "a", Instant.parse("2026-%02d-03T10:00:00Z".formatted(month)),
                    Source.SELF, null, false, false, 0));
        }
        return list;
    }
}
