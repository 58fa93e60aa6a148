package org.peersupport.intake.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each staff member's outreach offers, one document per person keyed by their pseudonym, listing offer ids: their
 * own offers are read by {@code _id}, never by a scan of the offers. Adding is idempotent ({@code $addToSet}).
 */
@Component
public class OfferLists {

    static final String COLLECTION = "outreach_lists";

    private final MongoTemplate mongo;

    OfferLists(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void add(String staffRef, String offerId) {
        mongo.upsert(query(where("_id").is(staffRef)), new Update().addToSet("offerIds", offerId), COLLECTION);
    }

    /** Adds each person's offer ({@code staffRef} to offer id) in one round trip, each a single-document upsert. */
    public void addAll(Map<String, String> offerIdByStaffRef) {
        if (offerIdByStaffRef.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        offerIdByStaffRef.forEach((staffRef, offerId) -> bulk.upsert(query(where("_id").is(staffRef)),
                new Update().addToSet("offerIds", offerId)));
        bulk.execute();
    }

    public List<String> offerIds(String staffRef) {
        OfferList list = mongo.findById(staffRef, OfferList.class, COLLECTION);
        return list == null || list.offerIds() == null ? List.of() : list.offerIds();
    }

    record OfferList(String id, List<String> offerIds) {
    }
}
