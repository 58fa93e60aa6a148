package org.peersupport.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.peersupport.matching.domain.Candidate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Queries of the pool, by {@code _id} only. Load is what each supporter's record holds. */
@Component
public class SupporterPool {

    private final MongoTemplate mongo;
    private final Rosters rosters;

    SupporterPool(MongoTemplate mongo, Rosters rosters) {
        this.mongo = mongo;
        this.rosters = rosters;
    }

    /** The hospital's supporters with their load: its roster by {@code _id}, then them by {@code $in} on {@code _id}. */
    public List<Candidate> candidatesOf(String hospitalId) {
        List<String> ids = rosters.of(hospitalId);
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("_id").in(ids)), SupporterDocument.class).stream()
                .filter(doc -> hospitalId.equals(doc.getHospitalId()))
                .map(SupporterDocument::candidate)
                .toList();
    }
}
