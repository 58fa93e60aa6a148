package org.peersupport.training.persistence;

import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration
class TrainingPersistence {

    @Bean
    AggregateStore<RosterDocument> rosterStore(MongoTemplate mongo, OutboxRelay relay) {
        mongo.indexOps(RosterDocument.COLLECTION).createIndex(new Index().on("hospitalId", Sort.Direction.ASC)
                .named("hospital"));
        return new AggregateStore<>(mongo, RosterDocument.class, relay);
    }

    @Bean
    AggregateStore<SessionDocument> sessionStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore<>(mongo, SessionDocument.class, relay);
    }
}
