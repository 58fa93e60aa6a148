package org.peersupport.matching.persistence;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration
class MatchingPersistence {

    @Bean
    AggregateStore<SupporterDocument> supporterStore(MongoTemplate mongo, OutboxRelay relay) {
        fillLegacyCaseloads(mongo);
        return new AggregateStore<>(mongo, SupporterDocument.class, relay);
    }

    @Bean
    AggregateStore<AssignmentDocument> assignmentStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore<>(mongo, AssignmentDocument.class, relay);
    }

    /**
     * Supporters stored before their record held their requests were counted from the assignments: copy those into
     * the record once (a scan, at start-up, of supporters lacking the list), bumping the version so a writer holding
     * an older copy reads again.
     */
    private static void fillLegacyCaseloads(MongoTemplate mongo) {
        var supporters = mongo.getCollection(SupporterDocument.COLLECTION);
        var assignments = mongo.getCollection(AssignmentDocument.COLLECTION);
        Document lacking = new Document("activeRequestIds", new Document("$exists", false));
        for (Document legacy : supporters.find(lacking)) {
            Object id = legacy.get("_id");
            List<String> active = assignments.find(new Document("supporterId", id)
                            .append("status", Assignment.Status.ACTIVE.name()))
                    .map(assignment -> assignment.getString("_id")).into(new ArrayList<>());
            supporters.updateOne(new Document("_id", id).append("activeRequestIds", new Document("$exists", false)),
                    new Document("$set", new Document("activeRequestIds", active)).append("$inc",
                            new Document("version", 1L)));
        }
    }
}
