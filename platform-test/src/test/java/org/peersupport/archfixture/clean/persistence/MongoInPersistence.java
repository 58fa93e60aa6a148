package org.peersupport.archfixture.clean.persistence;

/** Holds every rule: MongoDB in persistence. */
public class MongoInPersistence {

    org.springframework.data.mongodb.core.MongoTemplate mongo;
    org.bson.Document raw;
}
