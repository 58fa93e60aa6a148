package org.peersupport.matching.persistence;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The requests of each hospital that have no supporter yet (offered, being settled or escalated), oldest first: the
 * coordinator's queue. Listed before a request is first stored, dropped once it is assigned.
 */
@Component
public class OpenRequests extends RequestList {

    static final String COLLECTION = "queue";

    OpenRequests(MongoTemplate mongo) {
        super(mongo, COLLECTION);
    }
}
