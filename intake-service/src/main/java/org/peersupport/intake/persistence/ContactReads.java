package org.peersupport.intake.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.peersupport.intake.domain.ContactRead;
import org.peersupport.platform.store.IdLists;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit of contact reads ({@code contact_reads}): who tried to read which request's contact details, when, and
 * whether it was granted, never a value. Each record is listed under its hospital and request
 * ({@code contact_read_lists}, {@code _id} = {@code <hospital>/<request>}) and under its hospital and day
 * ({@code contact_read_days}, {@code _id} = {@code <hospital>/<yyyy-mm-dd>}), so the coordinator's views are reads
 * by {@code _id}. Listed first, stored second: an id listed without its record (a crash in between) is passed over.
 */
@Component
public class ContactReads {

    static final String COLLECTION = "contact_reads";

    private final MongoTemplate mongo;
    private final IdLists byRequest;
    private final IdLists byDay;

    ContactReads(MongoTemplate mongo) {
        this.mongo = mongo;
        this.byRequest = new IdLists(mongo, "contact_read_lists", "ids");
        this.byDay = new IdLists(mongo, "contact_read_days", "ids");
    }

    /** Records a read before anything is opened; a failure here means nothing is shown. */
    public void record(ContactRead read) {
        String id = UUID.randomUUID().toString();
        byRequest.add(requestKey(read.hospitalId(), read.requestId()), id);
        byDay.add(dayKey(read.hospitalId(), LocalDate.ofInstant(read.at(), ZoneOffset.UTC)), id);
        mongo.insert(new Document("_id", id).append("hospitalId", read.hospitalId())
                .append("requestId", read.requestId()).append("reader", read.reader())
                .append("readerHospitalId", read.readerHospitalId()).append("at", Date.from(read.at()))
                .append("outcome", read.outcome().name()), COLLECTION);
    }

    /** The reads of one request of a hospital, oldest first. */
    public List<ContactRead> ofRequest(String hospitalId, String requestId) {
        return found(byRequest.of(requestKey(hospitalId, requestId)), hospitalId);
    }

    /** The reads of a hospital's requests on one day (UTC), oldest first. */
    public List<ContactRead> ofDay(String hospitalId, LocalDate day) {
        return found(byDay.of(dayKey(hospitalId, day)), hospitalId);
    }

    private List<ContactRead> found(List<String> ids, String hospitalId) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // $in on _id is answered from the _id index, on the embedded store too.
        Map<String, Document> stored = mongo.find(query(where("_id").in(ids)), Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), Function.identity()));
        return ids.stream().map(stored::get).filter(Objects::nonNull)
                .filter(d -> hospitalId.equals(d.getString("hospitalId")))
                .map(d -> new ContactRead(d.getString("hospitalId"), d.getString("requestId"), d.getString("reader"),
                        d.getString("readerHospitalId"), d.getDate("at").toInstant(),
                        ContactRead.Outcome.valueOf(d.getString("outcome"))))
                .toList();
    }

    private static String requestKey(String hospitalId, String requestId) {
        return hospitalId + "/" + requestId;
    }

    private static String dayKey(String hospitalId, LocalDate day) {
        return hospitalId + "/" + day;
    }
}
