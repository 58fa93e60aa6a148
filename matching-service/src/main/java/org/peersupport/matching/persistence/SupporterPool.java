package org.peersupport.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.peersupport.matching.domain.Candidate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Queries of the pool; each filter matches an index's keys exactly. Load is what each supporter's record holds. */
@Component
public class SupporterPool {

    private final MongoTemplate mongo;

    SupporterPool(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<Candidate> candidatesOf(String hospitalId) {
        return mongo.find(query(where("hospitalId").is(hospitalId)), SupporterDocument.class).stream()
                .map(doc -> new Candidate(doc.toDomain(), doc.caseload().active()))
                .toList();
    }
}
