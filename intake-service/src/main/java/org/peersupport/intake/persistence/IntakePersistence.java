package org.peersupport.intake.persistence;

import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration
class IntakePersistence {

    @Bean
    AggregateStore<RequestDocument> requestStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore<>(mongo, RequestDocument.class, relay);
    }

    @Bean
    AggregateStore<CrisisFlagDocument> crisisFlagStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore<>(mongo, CrisisFlagDocument.class, relay);
    }

    @Bean
    AggregateStore<OutreachDocument> outreachStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore<>(mongo, OutreachDocument.class, relay);
    }

    @Bean
    AggregateStore<TriggerDocument> triggerStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore<>(mongo, TriggerDocument.class, relay);
    }
}
