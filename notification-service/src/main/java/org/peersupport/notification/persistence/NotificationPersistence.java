package org.peersupport.notification.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration
public class NotificationPersistence {

    @Bean
    AggregateStore<NotificationDocument> notificationStore(MongoTemplate mongo, OutboxRelay relay) {
        mongo.indexOps(NotificationDocument.COLLECTION)
                .createIndex(new Index().on("recipientId", Sort.Direction.ASC).named("recipient"));
        return new AggregateStore<>(mongo, NotificationDocument.class, relay);
    }

    /** A recipient's inbox, newest first; the filter is the recipient index's key exactly. */
    public static List<NotificationDocument> inbox(MongoTemplate mongo, String recipientId, int limit) {
        return mongo.find(query(where("recipientId").is(recipientId)), NotificationDocument.class).stream()
                .sorted(Comparator.comparing(NotificationDocument::getCreatedAt).reversed())
                .limit(limit)
                .toList();
    }
}
