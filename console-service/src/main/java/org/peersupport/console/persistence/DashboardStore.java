package org.peersupport.console.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.peersupport.console.domain.RequestFacts;
import org.peersupport.console.domain.Source;
import org.peersupport.platform.store.IdLists;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The dashboard's read model, built only from events and holding no person: one document per hospital and request (
 * submission time and source, first assignment time, escalated, withdrawn, the check-in numbers fallen due), one list
 * of request ids per hospital and month, the list of hospitals seen, and one pool document per hospital mapping a
 * keyed hash of each supporter (never their id) to the end of their certification.
 *
 * <p>Every write is one single-document upsert made only of idempotent, order-free operators ({@code $min},
 * {@code $max}, {@code $addToSet}, {@code $set} of a constant), so an event handled twice, or the events of a request
 * arriving in any order across topics, or a replay of every topic from the start, all give the same documents. That is
 * why the read model needs no list of handled event ids (which would remember only the last few hundred).
 */
@Component
public class DashboardStore {

    public static final String REQUESTS = "dashboard_requests";
    public static final String MONTHS = "dashboard_months";
    public static final String HOSPITALS = "dashboard_hospitals";
    public static final String POOLS = "dashboard_pools";
    /** Every collection of the read model, for a rebuild: drop them, replay the topics from the start. */
    public static final List<String> ALL = List.of(REQUESTS, MONTHS, HOSPITALS, POOLS);

    private static final String ALL_HOSPITALS = "all";

    private final MongoTemplate mongo;
    private final IdLists months;
    private final IdLists hospitals;

    public DashboardStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.months = new IdLists(mongo, MONTHS, "requests");
        this.hospitals = new IdLists(mongo, HOSPITALS, "hospitals");
    }

    /** A request was submitted: listed in its hospital's month first, so it is never stored unlisted. */
    public void submitted(String hospitalId, String requestId, Instant at, Source source) {
        hospitals.add(ALL_HOSPITALS, hospitalId);
        months.add(monthKey(hospitalId, RequestFacts.monthOf(at)), key(hospitalId, requestId));
        upsert(hospitalId, requestId, new Update().min("submittedAt", Date.from(at))
                .set("source", source.name()));
    }

    public void assigned(String hospitalId, String requestId, Instant at) {
        upsert(hospitalId, requestId, new Update().min("assignedAt", Date.from(at)));
    }

    public void escalated(String hospitalId, String requestId) {
        upsert(hospitalId, requestId, new Update().set("escalated", true));
    }

    public void withdrawn(String hospitalId, String requestId) {
        upsert(hospitalId, requestId, new Update().set("withdrawn", true));
    }

    public void checkInDue(String hospitalId, String caseId, int number) {
        upsert(hospitalId, caseId, new Update().addToSet("checkInsDue", number));
    }

    /** A supporter (by keyed hash) certified until then; the latest end counts. */
    public void certified(String hospitalId, String supporterHash, Instant until) {
        hospitals.add(ALL_HOSPITALS, hospitalId);
        mongo.upsert(query(where("_id").is(hospitalId)),
                new Update().max("supporters." + supporterHash, Date.from(until)), POOLS);
    }

    /**
     * One upsert of a request's document, keyed by hospital and request: an event naming another hospital than the
     * request's submission writes a document of its own that no month lists, so it can never move a request's
     * figures elsewhere, whichever of the two arrives first.
     */
    private void upsert(String hospitalId, String requestId, Update update) {
        mongo.upsert(query(where("_id").is(key(hospitalId, requestId))),
                update.setOnInsert("hospitalId", hospitalId), REQUESTS);
    }

    private static String key(String hospitalId, String requestId) {
        return hospitalId + ":" + requestId;
    }

    /** Every hospital that has sent a request or certified a supporter, in the order first seen. */
    public List<String> hospitals() {
        return hospitals.of(ALL_HOSPITALS);
    }

    /** The submitted requests of one hospital's month; ids listed but not stored yet are passed over. */
    public List<RequestFacts> requests(String hospitalId, YearMonth month) {
        List<String> ids = months.of(monthKey(hospitalId, month));
        if (ids.isEmpty()) {
            return List.of();
        }
        List<RequestFacts> found = new ArrayList<>();
        for (Document doc : mongo.find(new Query(where("_id").in(ids)), Document.class, REQUESTS)) {
            RequestFacts facts = facts(doc);
            if (facts.submitted() && facts.hospitalId().equals(hospitalId)) {
                found.add(facts);
            }
        }
        return found;
    }

    /** The end of each supporter's certification in the hospital's pool. */
    public List<Instant> certifiedUntil(String hospitalId) {
        Document pool = mongo.findById(hospitalId, Document.class, POOLS);
        if (pool == null || pool.get("supporters") == null) {
            return List.of();
        }
        return pool.get("supporters", Document.class).values().stream().map(until -> ((Date) until).toInstant())
                .toList();
    }

    private static RequestFacts facts(Document doc) {
        List<?> checkIns = doc.getList("checkInsDue", Object.class, List.of());
        return new RequestFacts(doc.getString("_id"), doc.getString("hospitalId"), instant(doc, "submittedAt"),
                Source.of(doc.getString("source")), instant(doc, "assignedAt"),
                Boolean.TRUE.equals(doc.getBoolean("escalated")), Boolean.TRUE.equals(doc.getBoolean("withdrawn")),
                checkIns.size());
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static String monthKey(String hospitalId, YearMonth month) {
        return hospitalId + ":" + month;
    }
}
