package org.peersupport.matching.persistence;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The escalated requests of each hospital, oldest first, so that a supporter appearing finds who is waiting by one
 * read. Every escalated request also keeps its own retry timer, which lists it again here if it ever went missing.
 */
@Component
public class WaitingRequests extends RequestList {

    static final String COLLECTION = "waiting";

    WaitingRequests(MongoTemplate mongo) {
        super(mongo, COLLECTION);
    }
}
