package org.peersupport.console.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The network admin's figures of one hospital over a range of months, every count already passed through
 * {@link SmallCells}: requests by source, time to assignment against the hospital's SLA, escalations, withdrawals,
 * check-ins due, time to first contact against its clock, how check-ins ended, referrals among closed cases, the
 * closing pulse, staff promoted from training waitlists, the fill of the training sessions it ran, and the supporter
 * pool by status.
 */
public record Figures(String hospitalId, Duration assignmentSla, List<Row> months, Row total, Pool pool) {

    /** One month (or the whole range, {@code month} "total") of one hospital. */
    public record Row(String month, Map<Source, Count> requestsBySource, Count requests, Assignment assignment,
            Count escalated, Count withdrawn, Count checkInsDue, FirstContact firstContact, CheckIns checkIns,
            Referrals referrals, Pulse pulse, Count waitlistPromotions, WorkshopFill workshopFill) {
    }

    /**
     * The training sessions the hospital ran that started in the month: their seats, the seats taken, and the fill
     * (taken over seats) as a percentage, or as a bound or "&lt;5" as for the SLA compliance.
     */
    public record WorkshopFill(Count seats, Count seatsTaken, String fill) {
    }

    /**
     * Requests assigned, within and beyond the SLA; compliance as a percentage, or as a bound when one part is
     * below 5 ({@code "≥80%"}: says no more than the "&lt;5" beside it), or "&lt;5" when it would say more; the p50
     * and p90 minutes from submission to assignment, only over 5 or more assignments.
     */
    public record Assignment(Count assigned, Count withinSla, Count beyondSla, String compliance,
            OptionalLong p50Minutes, OptionalLong p90Minutes) {
    }

    /**
     * Cases whose first-contact clock is decided (contact made, or its time ran out), within and beyond it
     * ({@code FirstContactMade.inTime}, {@code SlaBreached}), compliance as for the assignment; the p50 and p90
     * minutes from the first assignment to the first contact, only over 5 or more contacts.
     */
    public record FirstContact(Count decided, Count withinSla, Count beyondSla, String compliance,
            OptionalLong p50Minutes, OptionalLong p90Minutes) {
    }

    /** Check-ins that ended: completed, recorded with another outcome, missed; the completed share. */
    public record CheckIns(Count completed, Count otherOutcome, Count missed, Count ended, String completion) {
    }

    /** Closed cases, those referred on to professional help and those not, and the referral rate among them. */
    public record Referrals(Count referred, Count notReferred, Count closed, String rate) {
    }

    /**
     * Answers to the closing pulse given in the month (its own month, not a request's), the share who would
     * recommend it, and each score's average (one decimal) over the answers that scored it, "&lt;5" under 5.
     */
    public record Pulse(Count answers, Count wouldRecommend, String recommendShare, Map<String, String> averages) {
    }

    /**
     * Supporters certified and current at the time asked, those training said lapsed ({@code CertificationLapsed}),
     * and those whose end has passed with the lapse still to come.
     */
    public record Pool(Count current, Count lapsed, Count ended, Count total) {
    }

    /** The scores of the pulse, as the API names them. */
    public static final List<String> SCORES = List.of("helpfulness", "distress", "colleagueSupport",
            "institutionalSupport", "selfEfficacy", "turnoverIntention");

    private static final Source[] SOURCES = Source.values();

    /** The figures from the requests of each month (oldest first) and the pool's certifications, nothing else. */
    public static Figures of(String hospitalId, Duration assignmentSla, Map<YearMonth, List<RequestFacts>> byMonth,
            Collection<Instant> certifiedUntil, Instant now) {
        return of(hospitalId, assignmentSla, byMonth, Map.of(), Map.of(),
                certifiedUntil.stream().map(until -> new PoolEntry(until, null)).toList(), now);
    }

    /** As below, without training sessions. */
    public static Figures of(String hospitalId, Duration assignmentSla, Map<YearMonth, List<RequestFacts>> byMonth,
            Map<YearMonth, List<FeedbackAnswer>> feedback, Map<YearMonth, Long> promotions,
            Collection<PoolEntry> pool, Instant now) {
        return of(hospitalId, assignmentSla, byMonth, feedback, promotions, Map.of(), pool, now);
    }

    /**
     * Builds the figures from the facts of each month in the range (oldest first), the pulse's answers, the
     * waitlist promotions and the sessions started of each month (missing months have none), and the pool.
     */
    public static Figures of(String hospitalId, Duration assignmentSla, Map<YearMonth, List<RequestFacts>> byMonth,
            Map<YearMonth, List<FeedbackAnswer>> feedback, Map<YearMonth, Long> promotions,
            Map<YearMonth, List<SessionSeats>> sessions, Collection<PoolEntry> pool, Instant now) {
        List<YearMonth> months = byMonth.keySet().stream().sorted().toList();
        int rows = months.size() + 1;
        long[][] sources = new long[rows][SOURCES.length + 1];
        long[][] sla = new long[rows][3];
        long[][] escalated = new long[rows][1];
        long[][] withdrawn = new long[rows][1];
        long[][] checkIns = new long[rows][1];
        long[][] contactSla = new long[rows][3];
        long[][] ended = new long[rows][4];
        long[][] referrals = new long[rows][3];
        long[][] recommend = new long[rows][3];
        long[][] promoted = new long[rows][1];
        long[][] seats = new long[rows][3];
        List<List<Long>> minutes = new ArrayList<>();
        List<Long> allMinutes = new ArrayList<>();
        List<List<Long>> contactMinutes = new ArrayList<>();
        List<Long> allContactMinutes = new ArrayList<>();
        List<List<FeedbackAnswer>> answers = new ArrayList<>();
        List<FeedbackAnswer> allAnswers = new ArrayList<>();
        for (int r = 0; r < months.size(); r++) {
            List<Long> monthMinutes = new ArrayList<>();
            List<Long> monthContact = new ArrayList<>();
            for (RequestFacts facts : byMonth.get(months.get(r))) {
                sources[r][facts.source().ordinal()]++;
                sources[r][SOURCES.length]++;
                facts.timeToAssignment().ifPresent(wait -> monthMinutes.add(wait.toMinutes()));
                escalated[r][0] += facts.escalated() ? 1 : 0;
                withdrawn[r][0] += facts.withdrawn() ? 1 : 0;
                checkIns[r][0] += facts.checkInsDue();
                facts.timeToFirstContact().ifPresent(wait -> monthContact.add(wait.toMinutes()));
                if (facts.firstContact().decided()) {
                    contactSla[r][facts.firstContact().withinSla() ? 0 : 1]++;
                    contactSla[r][2]++;
                }
                ended[r][0] += facts.checkIns().completedCount();
                ended[r][1] += facts.checkIns().otherOutcomeCount();
                ended[r][2] += facts.checkIns().missedCount();
                ended[r][3] += facts.checkIns().completedCount() + facts.checkIns().otherOutcomeCount()
                        + facts.checkIns().missedCount();
                if (facts.closed()) {
                    referrals[r][facts.referred() ? 0 : 1]++;
                    referrals[r][2]++;
                }
            }
            for (long wait : monthMinutes) {
                sla[r][wait <= assignmentSla.toMinutes() ? 0 : 1]++;
                sla[r][2]++;
            }
            List<FeedbackAnswer> monthAnswers = feedback.getOrDefault(months.get(r), List.of());
            for (FeedbackAnswer answer : monthAnswers) {
                recommend[r][answer.wouldRecommend() ? 0 : 1]++;
                recommend[r][2]++;
            }
            promoted[r][0] = promotions.getOrDefault(months.get(r), 0L);
            for (SessionSeats session : sessions.getOrDefault(months.get(r), List.of())) {
                seats[r][0] += session.taken();
                seats[r][1] += session.seats() - session.taken();
                seats[r][2] += session.seats();
            }
            monthMinutes.sort(null);
            minutes.add(monthMinutes);
            allMinutes.addAll(monthMinutes);
            monthContact.sort(null);
            contactMinutes.add(monthContact);
            allContactMinutes.addAll(monthContact);
            answers.add(monthAnswers);
            allAnswers.addAll(monthAnswers);
        }
        allMinutes.sort(null);
        minutes.add(allMinutes);
        allContactMinutes.sort(null);
        contactMinutes.add(allContactMinutes);
        answers.add(allAnswers);
        for (long[][] table : List.of(sources, sla, escalated, withdrawn, checkIns, contactSla, ended, referrals,
                recommend, promoted, seats)) {
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
        Shown contactShown = new Shown(contactSla);
        Shown endedShown = new Shown(ended);
        Shown referralsShown = new Shown(referrals);
        Shown recommendShown = new Shown(recommend);
        Shown promotedShown = new Shown(promoted);
        Shown seatsShown = new Shown(seats);
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
            List<Long> contactSorted = contactMinutes.get(r);
            FirstContact firstContact = new FirstContact(contactShown.at(r, 2), contactShown.at(r, 0),
                    contactShown.at(r, 1), compliance(contactShown.at(r, 0), contactShown.at(r, 1),
                            contactShown.at(r, 2)),
                    Percentiles.of(contactSorted, 50), Percentiles.of(contactSorted, 90));
            CheckIns checkInsEnded = new CheckIns(endedShown.at(r, 0), endedShown.at(r, 1), endedShown.at(r, 2),
                    endedShown.at(r, 3), share(endedShown.at(r, 0), endedShown.at(r, 3)));
            Referrals referred = new Referrals(referralsShown.at(r, 0), referralsShown.at(r, 1),
                    referralsShown.at(r, 2), compliance(referralsShown.at(r, 0), referralsShown.at(r, 1),
                            referralsShown.at(r, 2)));
            Pulse pulse = new Pulse(recommendShown.at(r, 2), recommendShown.at(r, 0),
                    compliance(recommendShown.at(r, 0), recommendShown.at(r, 1), recommendShown.at(r, 2)),
                    averages(answers.get(r)));
            result.add(new Row(r < months.size() ? months.get(r).toString() : "total", bySource,
                    requestsShown.at(r, SOURCES.length), assignment, escalatedShown.at(r, 0),
                    withdrawnShown.at(r, 0), checkInsShown.at(r, 0), firstContact, checkInsEnded, referred, pulse,
                    promotedShown.at(r, 0), new WorkshopFill(seatsShown.at(r, 2), seatsShown.at(r, 0),
                            compliance(seatsShown.at(r, 0), seatsShown.at(r, 1), seatsShown.at(r, 2)))));
        }
        return new Figures(hospitalId, assignmentSla, List.copyOf(result.subList(0, months.size())),
                result.get(months.size()), pool(pool, now));
    }

    private static Pool pool(Collection<PoolEntry> entries, Instant now) {
        long[][] line = new long[1][4];
        for (PoolEntry entry : entries) {
            line[0][entry.status(now).ordinal()]++;
            line[0][3]++;
        }
        Shown shown = new Shown(line);
        return new Pool(shown.at(0, 0), shown.at(0, 1), shown.at(0, 2), shown.at(0, 3));
    }

    /** Each score's average over the answers that scored it, one decimal, or "&lt;5" over fewer than 5. */
    static Map<String, String> averages(List<FeedbackAnswer> answers) {
        Map<String, String> averages = new LinkedHashMap<>();
        List<Function<FeedbackAnswer, Integer>> scores = List.of(FeedbackAnswer::helpfulness,
                FeedbackAnswer::distress, FeedbackAnswer::colleagueSupport, FeedbackAnswer::institutionalSupport,
                FeedbackAnswer::selfEfficacy, FeedbackAnswer::turnoverIntention);
        for (int i = 0; i < SCORES.size(); i++) {
            List<Integer> given = answers.stream().map(scores.get(i)).filter(Objects::nonNull).toList();
            averages.put(SCORES.get(i), given.size() < SmallCells.THRESHOLD ? Count.SMALL
                    : BigDecimal.valueOf(given.stream().mapToInt(Integer::intValue).average().orElseThrow())
                            .setScale(1, RoundingMode.HALF_UP).toPlainString());
        }
        return averages;
    }

    /**
     * The share of {@code part} in {@code whole} when both are shown; when the part is a small count, only the bound
     * its "&lt;5" already says; else nothing more than "hidden".
     */
    static String share(Count part, Count whole) {
        if (whole.hidden()) {
            return whole.shown().toString();
        }
        if (!part.hidden()) {
            return Math.round(100.0 * part.value() / whole.value()) + "%";
        }
        if (part.value() < SmallCells.THRESHOLD) {
            return "≤" + (long) Math.ceil(100.0 * (SmallCells.THRESHOLD - 1) / whole.value()) + "%";
        }
        return Count.COMPLEMENT;
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
