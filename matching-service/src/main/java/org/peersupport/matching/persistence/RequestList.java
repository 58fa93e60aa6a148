package org.peersupport.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A list of request ids per hospital, oldest first: one document per hospital ({@code _id} = hospital id), read by
 * one index-exact read. Only ever a shortcut, checked against each assignment by whoever reads it.
 */
public abstract class RequestList {

    private static final String REQUESTS = "requestIds";

    private final MongoTemplate mongo;
    private final String collection;

    RequestList(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    public void add(String hospitalId, String requestId) {
        mongo.upsert(query(where("_id").is(hospitalId)), new Update().addToSet(REQUESTS, requestId), collection);
    }

    public void remove(String hospitalId, String requestId) {
        mongo.updateFirst(query(where("_id").is(hospitalId)), new Update().pull(REQUESTS, requestId), collection);
    }

    /** The hospital's listed requests, oldest first. */
    public List<String> of(String hospitalId) {
        Document list = mongo.findById(hospitalId, Document.class, collection);
        return list == null ? List.of() : list.getList(REQUESTS, String.class, List.of());
    }
}
