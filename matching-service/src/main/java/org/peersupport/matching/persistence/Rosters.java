package org.peersupport.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which supporters each hospital's pool holds: one document per hospital ({@code _id} = hospital id) listing their
 * ids, so a decision reads its hospital's supporters by {@code _id} instead of searching every supporter by hospital
 * (which the embedded store cannot index). A supporter never changes hospital; one whose certification lapsed is
 * taken off, and listed again when certified again.
 */
@Component
public class Rosters {

    static final String COLLECTION = "rosters";
    private static final String SUPPORTERS = "supporterIds";
    private static final String BUILT = "built-from-supporters";

    private final MongoTemplate mongo;

    Rosters(MongoTemplate mongo) {
        this.mongo = mongo;
        listExistingSupporters();
    }

    /** Lists a supporter in their hospital's roster; listing again changes nothing. */
    public void add(String hospitalId, String supporterId) {
        mongo.upsert(query(where("_id").is(hospitalId)), new Update().addToSet(SUPPORTERS, supporterId), COLLECTION);
    }

    /** Takes a supporter off their hospital's roster (their certification lapsed); again changes nothing. */
    public void remove(String hospitalId, String supporterId) {
        mongo.updateFirst(query(where("_id").is(hospitalId)), new Update().pull(SUPPORTERS, supporterId), COLLECTION);
    }

    /** The ids of the hospital's supporters. */
    public List<String> of(String hospitalId) {
        Document roster = mongo.findById(hospitalId, Document.class, COLLECTION);
        return roster == null ? List.of() : roster.getList(SUPPORTERS, String.class, List.of());
    }

    /** Supporters stored before rosters existed are listed once (a scan at start-up, then remembered). */
    private void listExistingSupporters() {
        if (mongo.exists(query(where("_id").is(BUILT)), "matching_meta")) {
            return;
        }
        for (Document supporter : mongo.getCollection(SupporterDocument.COLLECTION).find()
                .projection(new Document("hospitalId", 1))) {
            String hospital = supporter.getString("hospitalId");
            if (hospital != null) {
                add(hospital, supporter.getString("_id"));
            }
        }
        mongo.upsert(query(where("_id").is(BUILT)), Update.update("done", true), "matching_meta");
    }
}
