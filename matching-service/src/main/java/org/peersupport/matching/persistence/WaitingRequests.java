package org.peersupport.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The escalated requests of each hospital, oldest first: one document per hospital ({@code _id} = hospital id), so
 * that a supporter appearing finds who is waiting by one index-exact read. Only a shortcut: every escalated request
 * also keeps its own retry timer, which lists it again here if it ever went missing.
 */
@Component
public class WaitingRequests {

    static final String COLLECTION = "waiting";
    private static final String REQUESTS = "requestIds";

    private final MongoTemplate mongo;

    WaitingRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void add(String hospitalId, String requestId) {
        mongo.upsert(query(where("_id").is(hospitalId)), new Update().addToSet(REQUESTS, requestId), COLLECTION);
    }

    public void remove(String hospitalId, String requestId) {
        mongo.updateFirst(query(where("_id").is(hospitalId)), new Update().pull(REQUESTS, requestId), COLLECTION);
    }

    /** The hospital's waiting requests, oldest first. */
    public List<String> of(String hospitalId) {
        Document waiting = mongo.findById(hospitalId, Document.class, COLLECTION);
        return waiting == null ? List.of() : waiting.getList(REQUESTS, String.class, List.of());
    }
}
