package org.peersupport.training.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.peersupport.training.domain.RosterEntry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads a hospital's roster (a coordinator's view, not a hot path). */
@Component
public class Rosters {

    private final MongoTemplate mongo;

    Rosters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<RosterEntry> of(String hospitalId) {
        return mongo.find(query(where("hospitalId").is(hospitalId)), RosterDocument.class).stream()
                .map(RosterDocument::toDomain).toList();
    }
}
