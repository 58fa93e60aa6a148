package org.peersupport.notification.persistence;

import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration
class NotificationPersistence {

    @Bean
    AggregateStore<NotificationDocument> notificationStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore<>(mongo, NotificationDocument.class, relay);
    }

    @Bean
    AggregateStore<DeliveryDocument> deliveryStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore<>(mongo, DeliveryDocument.class, relay);
    }
}
