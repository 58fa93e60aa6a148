package org.peersupport.intake.persistence;

import java.util.List;
import java.util.Map;
import org.peersupport.platform.store.IdLists;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Each staff member's outreach offers, one document per person keyed by their pseudonym, listing offer ids: their
 * own offers are read by {@code _id}, never by a scan of the offers. Adding is idempotent ({@code $addToSet}).
 */
@Component
public class OfferLists {

    static final String COLLECTION = "outreach_lists";

    private final IdLists lists;

    OfferLists(MongoTemplate mongo) {
        this.lists = new IdLists(mongo, COLLECTION, "offerIds");
    }

    public void add(String staffRef, String offerId) {
        lists.add(staffRef, offerId);
    }

    /** Adds each person's offer ({@code staffRef} to offer id) in one round trip, each a single-document upsert. */
    public void addAll(Map<String, String> offerIdByStaffRef) {
        lists.addAll(offerIdByStaffRef);
    }

    public List<String> offerIds(String staffRef) {
        return lists.of(staffRef);
    }
}
