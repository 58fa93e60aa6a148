package org.peersupport.matching.persistence;

import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration
class MatchingPersistence {

    @Bean
    AggregateStore<SupporterDocument> supporterStore(MongoTemplate mongo, OutboxRelay relay) {
        mongo.indexOps(SupporterDocument.COLLECTION)
                .createIndex(new Index().on("hospitalId", Sort.Direction.ASC).named("hospital"));
        return new AggregateStore<>(mongo, SupporterDocument.class, relay);
    }

    @Bean
    AggregateStore<AssignmentDocument> assignmentStore(MongoTemplate mongo, OutboxRelay relay) {
        mongo.indexOps(AssignmentDocument.COLLECTION).createIndex(new Index().on("supporterId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).named("supporter_status"));
        return new AggregateStore<>(mongo, AssignmentDocument.class, relay);
    }
}
