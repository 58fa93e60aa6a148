package org.peersupport.followup.persistence;

import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration
class FollowupPersistence {

    @Bean
    AggregateStore<CaseDocument> caseStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore<>(mongo, CaseDocument.class, relay);
    }

    @Bean
    AggregateStore<FeedbackDocument> feedbackStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore<>(mongo, FeedbackDocument.class, relay);
    }
}
