package org.peersupport.console.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The network admin's figures of one hospital over a range of months, every count already passed through
 * {@link SmallCells}: requests by source, time to assignment against the hospital's SLA, escalations, withdrawals,
 * check-ins due, and the supporter pool by status.
 */
public record Figures(String hospitalId, Duration assignmentSla, List<Row> months, Row total, Pool pool) {

    /** One month (or the whole range, {@code month} "total") of one hospital. */
    public record Row(String month, Map<Source, Count> requestsBySource, Count requests, Assignment assignment,
            Count escalated, Count withdrawn, Count checkInsDue) {
    }

    /**
     * Requests assigned, within and beyond the SLA; compliance as a percentage, or as a bound when one part is
     * below 5 ({@code "≥80%"}: says no more than the "&lt;5" beside it), or "&lt;5" when it would say more; the p50
     * and p90 minutes from submission to assignment, only over 5 or more assignments.
     */
    public record Assignment(Count assigned, Count withinSla, Count beyondSla, String compliance,
            OptionalLong p50Minutes, OptionalLong p90Minutes) {
    }

    /** Supporters certified and current at the time asked, and those whose certification has run out. */
    public record Pool(Count current, Count lapsed, Count total) {
    }

    private static final Source[] SOURCES = Source.values();

    /** Builds the figures from the facts of each month in the range (oldest first) and the pool's certifications. */
    public static Figures of(String hospitalId, Duration assignmentSla, Map<YearMonth, List<RequestFacts>> byMonth,
            Collection<Instant> certifiedUntil, Instant now) {
        List<YearMonth> months = byMonth.keySet().stream().sorted().toList();
        int rows = months.size() + 1;
        long[][] sources = new long[rows][SOURCES.length + 1];
        long[][] sla = new long[rows][3];
        long[][] escalated = new long[rows][1];
        long[][] withdrawn = new long[rows][1];
        long[][] checkIns = new long[rows][1];
        List<List<Long>> minutes = new ArrayList<>();
        List<Long> allMinutes = new ArrayList<>();
        for (int r = 0; r < months.size(); r++) {
            List<Long> monthMinutes = new ArrayList<>();
            for (RequestFacts facts : byMonth.get(months.get(r))) {
                sources[r][facts.source().ordinal()]++;
                sources[r][SOURCES.length]++;
                facts.timeToAssignment().ifPresent(wait -> monthMinutes.add(wait.toMinutes()));
                escalated[r][0] += facts.escalated() ? 1 : 0;
                withdrawn[r][0] += facts.withdrawn() ? 1 : 0;
                checkIns[r][0] += facts.checkInsDue();
            }
            for (long wait : monthMinutes) {
                sla[r][wait <= assignmentSla.toMinutes() ? 0 : 1]++;
                sla[r][2]++;
            }
            monthMinutes.sort(null);
            minutes.add(monthMinutes);
            allMinutes.addAll(monthMinutes);
        }
        allMinutes.sort(null);
        minutes.add(allMinutes);
        for (long[][] table : List.of(sources, sla, escalated, withdrawn, checkIns)) {
            for (int c = 0; c < table[0].length; c++) {
                long sum = 0;
                for (int r = 0; r < months.size(); r++) {
                    sum += table[r][c];
                }
                table[rows - 1][c] = sum;
            }
        }
        Shown requestsShown = new Shown(sources);
        Shown slaShown = new Shown(sla);
        Shown escalatedShown = new Shown(escalated);
        Shown withdrawnShown = new Shown(withdrawn);
        Shown checkInsShown = new Shown(checkIns);
        List<Row> result = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Map<Source, Count> bySource = new LinkedHashMap<>();
            for (Source source : SOURCES) {
                bySource.put(source, requestsShown.at(r, source.ordinal()));
            }
            List<Long> sorted = minutes.get(r);
            Assignment assignment = new Assignment(slaShown.at(r, 2), slaShown.at(r, 0), slaShown.at(r, 1),
                    compliance(slaShown.at(r, 0), slaShown.at(r, 1), slaShown.at(r, 2)),
                    Percentiles.of(sorted, 50), Percentiles.of(sorted, 90));
            result.add(new Row(r < months.size() ? months.get(r).toString() : "total", bySource,
                    requestsShown.at(r, SOURCES.length), assignment, escalatedShown.at(r, 0),
                    withdrawnShown.at(r, 0), checkInsShown.at(r, 0)));
        }
        return new Figures(hospitalId, assignmentSla, List.copyOf(result.subList(0, months.size())),
                result.get(months.size()), pool(certifiedUntil, now));
    }

    private static Pool pool(Collection<Instant> certifiedUntil, Instant now) {
        long current = certifiedUntil.stream().filter(now::isBefore).count();
        long[][] line = {{current, certifiedUntil.size() - current, certifiedUntil.size()}};
        Shown shown = new Shown(line);
        return new Pool(shown.at(0, 0), shown.at(0, 1), shown.at(0, 2));
    }

    /** The share within the SLA, said only as far as the counts beside it may be known. */
    static String compliance(Count within, Count beyond, Count assigned) {
        if (assigned.hidden()) {
            return assigned.shown().toString();
        }
        long n = assigned.value();
        if (!within.hidden() && !beyond.hidden()) {
            return Math.round(100.0 * within.value() / n) + "%";
        }
        if (beyond.value() < SmallCells.THRESHOLD) {
            return "≥" + (long) Math.floor(100.0 * (n - (SmallCells.THRESHOLD - 1)) / n) + "%";
        }
        if (within.value() < SmallCells.THRESHOLD) {
            return "≤" + (long) Math.ceil(100.0 * (SmallCells.THRESHOLD - 1) / n) + "%";
        }
        return Count.COMPLEMENT;
    }

    /** A table of counts with its hidden cells. */
    private static final class Shown {
        private final long[][] table;
        private final boolean[][] hidden;

        Shown(long[][] table) {
            this.table = table;
            this.hidden = SmallCells.suppress(table);
        }

        Count at(int row, int column) {
            return new Count(table[row][column], hidden[row][column]);
        }
    }
}
