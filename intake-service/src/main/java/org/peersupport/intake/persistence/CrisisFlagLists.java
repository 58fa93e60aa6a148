package org.peersupport.intake.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The crisis flags of each hospital: one document per hospital ({@code _id} = hospital id) listing their ids, so the
 * coordinator's list is one read by {@code _id} and one by {@code $in} on {@code _id}, never a scan.
 */
@Component
public class CrisisFlagLists {

    static final String COLLECTION = "crisis_flag_lists";
    private static final String FLAGS = "flagIds";

    private final MongoTemplate mongo;

    CrisisFlagLists(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void add(String hospitalId, String flagId) {
        mongo.upsert(query(where("_id").is(hospitalId)), new Update().addToSet(FLAGS, flagId), COLLECTION);
    }

    /** The hospital's flags, oldest first; an id listed before its flag was stored (a failed write) is passed over. */
    public List<CrisisFlagDocument> flagsOf(String hospitalId) {
        Document list = mongo.findById(hospitalId, Document.class, COLLECTION);
        List<String> ids = list == null ? List.of() : list.getList(FLAGS, String.class, List.of());
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(ids)), CrisisFlagDocument.class).stream()
                .filter(flag -> hospitalId.equals(flag.toDomain().hospitalId()))
                .sorted(Comparator.comparing(flag -> flag.toDomain().raisedAt()))
                .toList();
    }
}
