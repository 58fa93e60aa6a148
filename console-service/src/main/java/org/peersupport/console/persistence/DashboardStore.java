package org.peersupport.console.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.peersupport.console.domain.FeedbackAnswer;
import org.peersupport.console.domain.PoolEntry;
import org.peersupport.console.domain.RequestFacts;
import org.peersupport.console.domain.SessionSeats;
import org.peersupport.console.domain.Source;
import org.peersupport.platform.store.IdLists;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The dashboard's read model, built only from events and holding no person: one document per hospital and request (
 * submission time and source, first assignment time, escalated, withdrawn, the check-in numbers fallen due; of its
 * case the first contact's time and whether it was late or its clock breached, the check-in numbers by how they
 * ended, referred, closed), one list of request ids per hospital and month, the list of hospitals seen, one pool
 * document per hospital mapping a keyed hash of each supporter (never their id) to the end of their certification
 * and of the latest one that lapsed, one document per hospital and month of the pulse's answers (scores only, under a
 * keyed hash of each answer's own id), one of the ids of the waitlist promotion events, and one of the seats and
 * seats taken of the training sessions started (under a keyed hash of each session).
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
    public static final String FEEDBACK = "dashboard_feedback";
    public static final String PROMOTIONS = "dashboard_promotions";
    public static final String SESSIONS = "dashboard_sessions";
    /** Every collection of the read model, for a rebuild: drop them, replay the topics from the start. */
    public static final List<String> ALL = List.of(REQUESTS, MONTHS, HOSPITALS, POOLS, FEEDBACK, PROMOTIONS,
            SESSIONS);

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

    /** The case's first contact: the earliest counts; made after its clock ran out marks it late for good. */
    public void firstContact(String hospitalId, String caseId, Instant at, boolean inTime) {
        Update update = new Update().min("firstContactAt", Date.from(at));
        upsert(hospitalId, caseId, inTime ? update : update.set("firstContactLate", true));
    }

    /** The case's first-contact clock ran out: beyond the SLA, whenever the contact comes. */
    public void firstContactBreached(String hospitalId, String caseId) {
        upsert(hospitalId, caseId, new Update().set("firstContactBreached", true));
    }

    /** A check-in's outcome, by its number: completed, or another outcome. */
    public void checkInRecorded(String hospitalId, String caseId, int number, boolean completed) {
        upsert(hospitalId, caseId, new Update().addToSet(completed ? "checkInsCompleted" : "checkInsOther", number));
    }

    public void checkInMissed(String hospitalId, String caseId, int number) {
        upsert(hospitalId, caseId, new Update().addToSet("checkInsMissed", number));
    }

    public void referred(String hospitalId, String caseId) {
        upsert(hospitalId, caseId, new Update().set("referred", true));
    }

    public void closed(String hospitalId, String caseId) {
        upsert(hospitalId, caseId, new Update().set("closed", true));
    }

    /**
     * One answer to the pulse, in its hospital's month document under a keyed hash of its own id (so a redelivery
     * sets the same field again): its scores only.
     */
    public void feedback(String hospitalId, YearMonth month, String answerHash, FeedbackAnswer answer) {
        hospitals.add(ALL_HOSPITALS, hospitalId);
        Document scores = new Document("helpfulness", answer.helpfulness())
                .append("wouldRecommend", answer.wouldRecommend()).append("distress", answer.distress())
                .append("colleagueSupport", answer.colleagueSupport())
                .append("institutionalSupport", answer.institutionalSupport())
                .append("selfEfficacy", answer.selfEfficacy()).append("turnoverIntention", answer.turnoverIntention());
        mongo.upsert(query(where("_id").is(monthKey(hospitalId, month))),
                new Update().set("answers." + answerHash, scores), FEEDBACK);
    }

    /** A person of the hospital moved from a waitlist into a seat in that month: its event id, counted once. */
    public void promoted(String hospitalId, YearMonth month, String eventId) {
        hospitals.add(ALL_HOSPITALS, hospitalId);
        mongo.upsert(query(where("_id").is(monthKey(hospitalId, month))),
                new Update().addToSet("events", eventId), PROMOTIONS);
    }

    /**
     * A training session the hospital ran started in that month: its seats and the seats taken, under a keyed hash of
     * the session (a redelivery sets the same field again).
     */
    public void sessionStarted(String hospitalId, YearMonth month, String sessionHash, SessionSeats seats) {
        hospitals.add(ALL_HOSPITALS, hospitalId);
        mongo.upsert(query(where("_id").is(monthKey(hospitalId, month))), new Update().set("sessions." + sessionHash,
                new Document("seats", seats.seats()).append("taken", seats.taken())), SESSIONS);
    }

    /** Training said the certification ending then lapsed; the latest such end counts. */
    public void lapsed(String hospitalId, String supporterHash, Instant certifiedUntil) {
        hospitals.add(ALL_HOSPITALS, hospitalId);
        mongo.upsert(query(where("_id").is(hospitalId)),
                new Update().max("lapsed." + supporterHash, Date.from(certifiedUntil)), POOLS);
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

    /** Each supporter of the hospital's pool: the end of their latest certification and of the latest lapsed. */
    public List<PoolEntry> pool(String hospitalId) {
        Document pool = mongo.findById(hospitalId, Document.class, POOLS);
        if (pool == null) {
            return List.of();
        }
        Document certified = pool.get("supporters", new Document());
        Document lapsed = pool.get("lapsed", new Document());
        Set<String> supporters = new LinkedHashSet<>(certified.keySet());
        supporters.addAll(lapsed.keySet());
        return supporters.stream().map(hash -> new PoolEntry(instant(certified, hash), instant(lapsed, hash)))
                .toList();
    }

    /** The answers to the pulse given at the hospital in that month. */
    public List<FeedbackAnswer> feedback(String hospitalId, YearMonth month) {
        Document doc = mongo.findById(monthKey(hospitalId, month), Document.class, FEEDBACK);
        if (doc == null) {
            return List.of();
        }
        return doc.get("answers", new Document()).values().stream().map(Document.class::cast)
                .map(a -> new FeedbackAnswer(a.getInteger("helpfulness"),
                        Boolean.TRUE.equals(a.getBoolean("wouldRecommend")), a.getInteger("distress"),
                        a.getInteger("colleagueSupport"), a.getInteger("institutionalSupport"),
                        a.getInteger("selfEfficacy"), a.getInteger("turnoverIntention")))
                .toList();
    }

    /** How many of the hospital's people were promoted from a waitlist in that month. */
    public long promotions(String hospitalId, YearMonth month) {
        Document doc = mongo.findById(monthKey(hospitalId, month), Document.class, PROMOTIONS);
        return doc == null ? 0 : doc.getList("events", Object.class, List.of()).size();
    }

    /** The training sessions the hospital ran that started in that month. */
    public List<SessionSeats> sessions(String hospitalId, YearMonth month) {
        Document doc = mongo.findById(monthKey(hospitalId, month), Document.class, SESSIONS);
        if (doc == null) {
            return List.of();
        }
        return doc.get("sessions", new Document()).values().stream().map(Document.class::cast)
                .map(session -> new SessionSeats(session.getInteger("seats", 0), session.getInteger("taken", 0)))
                .toList();
    }

    private static RequestFacts facts(Document doc) {
        List<?> checkIns = doc.getList("checkInsDue", Object.class, List.of());
        return new RequestFacts(doc.getString("_id"), doc.getString("hospitalId"), instant(doc, "submittedAt"),
                Source.of(doc.getString("source")), instant(doc, "assignedAt"), flag(doc, "escalated"),
                flag(doc, "withdrawn"), checkIns.size(),
                new RequestFacts.FirstContact(instant(doc, "firstContactAt"), flag(doc, "firstContactLate"),
                        flag(doc, "firstContactBreached")),
                new RequestFacts.CheckIns(numbers(doc, "checkInsCompleted"), numbers(doc, "checkInsOther"),
                        numbers(doc, "checkInsMissed")),
                flag(doc, "referred"), flag(doc, "closed"));
    }

    private static boolean flag(Document doc, String field) {
        return Boolean.TRUE.equals(doc.getBoolean(field));
    }

    private static Set<Integer> numbers(Document doc, String field) {
        return doc.getList(field, Number.class, List.of()).stream().map(Number::intValue)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static String monthKey(String hospitalId, YearMonth month) {
        return hospitalId + ":" + month;
    }
}
