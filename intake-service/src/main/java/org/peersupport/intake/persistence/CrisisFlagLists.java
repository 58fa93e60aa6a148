package org.peersupport.intake.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;
import org.peersupport.platform.store.IdLists;
import org.springframework.data.mongodb.core.MongoTemplate;
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
    private final IdLists lists;

    CrisisFlagLists(MongoTemplate mongo) {
        this.mongo = mongo;
        this.lists = new IdLists(mongo, COLLECTION, FLAGS);
    }

    public void add(String hospitalId, String flagId) {
        lists.add(hospitalId, flagId);
    }

    /** The hospital's flags, oldest first; an id listed before its flag was stored (a failed write) is passed over. */
    public List<CrisisFlagDocument> flagsOf(String hospitalId) {
        List<String> ids = lists.of(hospitalId);
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(ids)), CrisisFlagDocument.class).stream()
                .filter(flag -> hospitalId.equals(flag.toDomain().hospitalId()))
                .sorted(Comparator.comparing(flag -> flag.toDomain().raisedAt()))
                .toList();
    }
}
