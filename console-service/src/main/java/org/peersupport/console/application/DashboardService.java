package org.peersupport.console.application;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.console.domain.FeedbackAnswer;
import org.peersupport.console.domain.Figures;
import org.peersupport.console.domain.RequestFacts;
import org.peersupport.console.domain.SessionSeats;
import org.peersupport.console.persistence.DashboardStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** The network admin's cross-hospital figures over a range of months, small cells already hidden. */
@Service
public class DashboardService {

    private final DashboardStore store;
    private final DashboardProperties properties;
    private final Clock clock;

    public DashboardService(DashboardStore store, DashboardProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** The figures of every hospital: only for the network admin, who belongs to no hospital (403 otherwise). */
    public Network network(Caller caller, Range range) {
        requireNetworkAdmin(caller);
        Instant now = clock.instant();
        List<Figures> hospitals = store.hospitals().stream().sorted().map(hospital -> {
            Map<YearMonth, List<RequestFacts>> byMonth = new LinkedHashMap<>();
            Map<YearMonth, List<FeedbackAnswer>> feedback = new LinkedHashMap<>();
            Map<YearMonth, Long> promotions = new LinkedHashMap<>();
            Map<YearMonth, List<SessionSeats>> sessions = new LinkedHashMap<>();
            range.months().forEach(month -> {
                byMonth.put(month, store.requests(hospital, month));
                feedback.put(month, store.feedback(hospital, month));
                promotions.put(month, store.promotions(hospital, month));
                sessions.put(month, store.sessions(hospital, month));
            });
            return Figures.of(hospital, properties.assignmentSla(hospital), byMonth, feedback, promotions, sessions,
                    store.pool(hospital), now);
        }).toList();
        return new Network(range, now, hospitals);
    }

    /** Who may see the network's figures: the learning community's admin, never a hospital's principal. */
    public static void requireNetworkAdmin(Caller caller) {
        caller.require(Role.ADMIN);
        if (caller.hospitalId().isPresent()) {
            throw new AccessDeniedException("the network dashboard is for the network admin, who has no hospital");
        }
    }

    /** The range asked for, checked: {@code from} and {@code to} as {@code 2026-11}, by default the last 3 months. */
    public Range range(String from, String to) {
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        YearMonth end = to == null || to.isBlank() ? now : month("to", to);
        YearMonth start = from == null || from.isBlank() ? end.minusMonths(2) : month("from", from);
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "must not be after 'to'");
        }
        if (start.plusMonths(properties.maxMonths()).isBefore(end.plusMonths(1))) {
            throw new InvalidInputException("from", "the range spans at most " + properties.maxMonths() + " months");
        }
        return new Range(start, end);
    }

    private static YearMonth month(String field, String value) {
        if (!value.matches("\\d{4}-\\d{2}")) {
            throw new InvalidInputException(field, "must be a month as YYYY-MM");
        }
        try {
            return YearMonth.parse(value);
        } catch (java.time.DateTimeException notAMonth) {
            throw new InvalidInputException(field, "must be a month as YYYY-MM");
        }
    }

    /** The months from {@code from} to {@code to}, both included. */
    public record Range(YearMonth from, YearMonth to) {

        public List<YearMonth> months() {
            return java.util.stream.Stream.iterate(from, month -> !month.isAfter(to), month -> month.plusMonths(1))
                    .toList();
        }
    }

    /** The figures of every hospital over the range, as of {@code at}. */
    public record Network(Range range, Instant at, List<Figures> hospitals) {
    }
}
