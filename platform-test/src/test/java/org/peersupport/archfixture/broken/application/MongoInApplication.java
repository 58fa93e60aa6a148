package org.peersupport.archfixture.broken.application;

/** Breaks ONLY_PERSISTENCE_KNOWS_MONGO: an application service with its own query. */
public class MongoInApplication {

    org.springframework.data.mongodb.core.MongoTemplate mongo;
}
