package org.peersupport.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import org.peersupport.console.application.DashboardService.Network;
import org.peersupport.console.domain.Count;
import org.peersupport.console.domain.Figures;
import org.peersupport.console.domain.PendingFigure;
import org.peersupport.console.domain.SmallCells;
import org.peersupport.console.domain.Source;

/**
 * The network dashboard as the API, the CSV and the page show it: every count a number, {@code "<5"} or
 * {@code "hidden"}; every figure whose events do not exist yet {@code {"available":false,"waitsFor":[…]}}.
 */
final class DashboardView {

    private static final Map<Source, String> SOURCE_NAMES = Map.of(Source.SELF, "self", Source.ON_BEHALF, "onBehalf",
            Source.REFERRAL, "referral", Source.TRIGGER, "trigger");

    private DashboardView() {
    }

    static Map<String, Object> of(Network network) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", network.range().from().toString());
        view.put("to", network.range().to().toString());
        view.put("asOf", network.at().toString());
        view.put("smallCellThreshold", SmallCells.THRESHOLD);
        view.put("hospitals", network.hospitals().stream().map(DashboardView::hospital).toList());
        Map<String, Object> pending = new LinkedHashMap<>();
        for (PendingFigure figure : PendingFigure.values()) {
            pending.put(figure.figure(), figure.waitsFor());
        }
        view.put("notYetAvailable", pending);
        return view;
    }

    private static Map<String, Object> hospital(Figures figures) {
        Map<String, Object> hospital = new LinkedHashMap<>();
        hospital.put("hospitalId", figures.hospitalId());
        hospital.put("assignmentSlaMinutes", figures.assignmentSla().toMinutes());
        hospital.put("months", figures.months().stream().map(DashboardView::row).toList());
        hospital.put("total", row(figures.total()));
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("current", figures.pool().current().shown());
        pool.put("lapsed", figures.pool().lapsed().shown());
        pool.put("ended", figures.pool().ended().shown());
        pool.put("total", figures.pool().total().shown());
        hospital.put("pool", pool);
        return hospital;
    }

    private static Map<String, Object> row(Figures.Row row) {
        Map<String, Object> month = new LinkedHashMap<>();
        month.put("month", row.month());
        Map<String, Object> requests = new LinkedHashMap<>();
        row.requestsBySource().forEach((source, count) -> requests.put(SOURCE_NAMES.get(source), count.shown()));
        requests.put("total", row.requests().shown());
        month.put("requests", requests);
        Figures.Assignment a = row.assignment();
        Map<String, Object> assignment = new LinkedHashMap<>();
        assignment.put("assigned", a.assigned().shown());
        assignment.put("withinSla", a.withinSla().shown());
        assignment.put("beyondSla", a.beyondSla().shown());
        assignment.put("slaCompliance", a.compliance());
        assignment.put("p50Minutes", minutes(a.p50Minutes()));
        assignment.put("p90Minutes", minutes(a.p90Minutes()));
        month.put("assignment", assignment);
        month.put("escalated", row.escalated().shown());
        month.put("withdrawn", row.withdrawn().shown());
        month.put("checkInsDue", row.checkInsDue().shown());
        month.putAll(caseFigures(row));
        return month;
    }

    /** The figures of the cases, the pulse and the waitlists, by name as the API and the CSV show them. */
    private static Map<String, Object> caseFigures(Figures.Row row) {
        Map<String, Object> figures = new LinkedHashMap<>();
        Figures.FirstContact f = row.firstContact();
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("decided", f.decided().shown());
        contact.put("withinSla", f.withinSla().shown());
        contact.put("beyondSla", f.beyondSla().shown());
        contact.put("slaCompliance", f.compliance());
        contact.put("p50Minutes", minutes(f.p50Minutes()));
        contact.put("p90Minutes", minutes(f.p90Minutes()));
        figures.put("firstContact", contact);
        Figures.CheckIns c = row.checkIns();
        Map<String, Object> checkIns = new LinkedHashMap<>();
        checkIns.put("completed", c.completed().shown());
        checkIns.put("otherOutcome", c.otherOutcome().shown());
        checkIns.put("missed", c.missed().shown());
        checkIns.put("ended", c.ended().shown());
        checkIns.put("completion", c.completion());
        figures.put("checkIns", checkIns);
        Figures.Referrals r = row.referrals();
        Map<String, Object> referrals = new LinkedHashMap<>();
        referrals.put("closed", r.closed().shown());
        referrals.put("referred", r.referred().shown());
        referrals.put("notReferred", r.notReferred().shown());
        referrals.put("rate", r.rate());
        figures.put("referrals", referrals);
        Figures.Pulse p = row.pulse();
        Map<String, Object> pulse = new LinkedHashMap<>();
        pulse.put("answers", p.answers().shown());
        pulse.put("wouldRecommend", p.wouldRecommend().shown());
        pulse.put("recommendShare", p.recommendShare());
        pulse.put("averages", p.averages());
        figures.put("feedbackPulse", pulse);
        figures.put("waitlistPromotions", row.waitlistPromotions().shown());
        Figures.WorkshopFill w = row.workshopFill();
        Map<String, Object> fill = new LinkedHashMap<>();
        fill.put("seats", w.seats().shown());
        fill.put("seatsTaken", w.seatsTaken().shown());
        fill.put("fill", w.fill());
        figures.put("workshopFill", fill);
        return figures;
    }

    /** The same figures flattened to CSV names ({@code firstContact.p50Minutes}). */
    private static void flatten(String prefix, Map<String, Object> figures, BiConsumer<String, Object> line) {
        figures.forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) nested;
                flatten(prefix + name + ".", inner, line);
            } else {
                line.accept(prefix + name, value);
            }
        });
    }

    /** A percentile over fewer than 5 durations would show one person's wait: "<5" instead. */
    private static Object minutes(OptionalLong minutes) {
        return minutes.isPresent() ? (Object) minutes.getAsLong() : Count.SMALL;
    }

    /** One line per figure: hospital, month ("total" for the range), figure, value as the API shows it. */
    static String csv(Network network) {
        List<String> lines = new ArrayList<>();
        lines.add("hospital,month,figure,value");
        for (Figures figures : network.hospitals()) {
            String h = figures.hospitalId();
            List<Figures.Row> rows = new ArrayList<>(figures.months());
            rows.add(figures.total());
            for (Figures.Row row : rows) {
                String m = row.month();
                row.requestsBySource().forEach((source, count) ->
                        lines.add(line(h, m, "requests." + SOURCE_NAMES.get(source), count.shown())));
                lines.add(line(h, m, "requests.total", row.requests().shown()));
                Figures.Assignment a = row.assignment();
                lines.add(line(h, m, "assignment.assigned", a.assigned().shown()));
                lines.add(line(h, m, "assignment.withinSla", a.withinSla().shown()));
                lines.add(line(h, m, "assignment.beyondSla", a.beyondSla().shown()));
                lines.add(line(h, m, "assignment.slaCompliance", a.compliance()));
                lines.add(line(h, m, "assignment.p50Minutes", minutes(a.p50Minutes())));
                lines.add(line(h, m, "assignment.p90Minutes", minutes(a.p90Minutes())));
                lines.add(line(h, m, "escalated", row.escalated().shown()));
                lines.add(line(h, m, "withdrawn", row.withdrawn().shown()));
                lines.add(line(h, m, "checkInsDue", row.checkInsDue().shown()));
                flatten("", caseFigures(row), (figure, value) -> lines.add(line(h, m, figure, value)));
            }
            lines.add(line(h, "now", "pool.current", figures.pool().current().shown()));
            lines.add(line(h, "now", "pool.lapsed", figures.pool().lapsed().shown()));
            lines.add(line(h, "now", "pool.ended", figures.pool().ended().shown()));
            lines.add(line(h, "now", "pool.total", figures.pool().total().shown()));
        }
        return String.join("\r\n", lines) + "\r\n";
    }

    /** Hospital ids are safe ids (checked before any event is believed); values are numbers or fixed words. */
    private static String line(String hospital, String month, String figure, Object value) {
        return hospital + "," + month + "," + figure + "," + value;
    }
}
