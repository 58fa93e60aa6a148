package org.peersupport.training.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.peersupport.platform.store.IdLists;
import org.peersupport.training.domain.Attendee;
import org.peersupport.training.domain.Registration;
import org.peersupport.training.domain.Session;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Registration, and the calendar's reads. Every filter is by {@code _id}: a session by its id, the calendar by the
 * months it lists ({@code calendar}, one document per month of start, in UTC).
 */
@Component
public class Sessions {

    private static final int MAX_ROUNDS = 8;

    private final MongoTemplate mongo;
    private final IdLists months;

    Sessions(MongoTemplate mongo) {
        this.mongo = mongo;
        this.months = new IdLists(mongo, "calendar", "sessionIds");
    }

    /**
     * Lists a session in the calendar month it starts in; done before the session is stored, so no stored session is
     * ever missing from the calendar (a listed id whose session was never stored is passed over).
     */
    public void list(String sessionId, Instant startsAt) {
        months.add(monthOf(startsAt), sessionId);
    }

    /**
     * Registers {@code who} following {@link Session#placeFor}: a seat while fewer than {@code seats} are taken, else a
     * place on the waitlist while it has room, else nothing. Each try is one conditional single-document update
     * whose filter holds the rule: the person is in neither list and the list's last place (index size - 1) does not
     * exist yet; it also bumps the version, so a guarded write holding an older copy re-reads. The store applies an
     * update to one document atomically, so however many register at once, no list grows past its size. A try that
     * matched nothing reads the session again: the person was in already, both lists were full, or a cancellation
     * freed a seat between the two tries (then it tries again).
     */
    public Optional<Registration> register(String sessionId, Attendee who, int seats, int waitlistPlaces) {
        String key = who.key();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (push(sessionId, key, SessionDocument.SEATED, seats, null)) {
                return Optional.of(Registration.SEATED);
            }
            if (waitlistPlaces > 0 && push(sessionId, key, SessionDocument.WAITLISTED, waitlistPlaces,
                    SessionDocument.SEATED + "." + (seats - 1))) {
                return Optional.of(Registration.WAITLISTED);
            }
            Optional<Session> now = find(sessionId);
            if (now.isEmpty()) {
                return Optional.empty();
            }
            Registration standing = now.get().standingOf(who);
            if (standing != null) {
                return Optional.of(standing);
            }
            if (now.get().placeFor(who) == Registration.REFUSED) {
                return Optional.of(Registration.REFUSED);
            }
        }
        return Optional.of(Registration.REFUSED);
    }

    /** Pushes {@code key} onto {@code list} while it has fewer than {@code size}, and {@code mustBeTaken} exists. */
    private boolean push(String sessionId, String key, String list, int size, String mustBeTaken) {
        Criteria filter = where("_id").is(sessionId)
                .and(SessionDocument.SEATED).ne(key)
                .and(SessionDocument.WAITLISTED).ne(key)
                .and(list + "." + (size - 1)).exists(false);
        if (mustBeTaken != null) {
            filter = filter.and(mustBeTaken).exists(true);
        }
        return mongo.updateFirst(query(filter), new Update().push(list, key).inc("version", 1),
                SessionDocument.COLLECTION).getModifiedCount() == 1;
    }

    public Optional<Session> find(String sessionId) {
        return Optional.ofNullable(mongo.findById(sessionId, SessionDocument.class)).map(SessionDocument::toDomain);
    }

    /** Sessions starting from {@code from} up to {@code until}, soonest first, read month by month by {@code _id}. */
    public List<Session> between(Instant from, Instant until) {
        List<String> ids = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from.atOffset(ZoneOffset.UTC));
                !month.isAfter(YearMonth.from(until.atOffset(ZoneOffset.UTC))); month = month.plusMonths(1)) {
            ids.addAll(months.of(month.toString()));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(ids)), SessionDocument.class).stream()
                .map(SessionDocument::toDomain)
                .filter(s -> !s.startsAt().isBefore(from) && s.startsAt().isBefore(until))
                .sorted(Comparator.comparing(Session::startsAt).thenComparing(Session::id))
                .toList();
    }

    private static String monthOf(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
    }
}
