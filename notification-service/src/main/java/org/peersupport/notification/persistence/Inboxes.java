package org.peersupport.notification.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bson.Document;
import org.peersupport.notification.domain.Notification;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each recipient's inbox: one document ({@code inboxes}, {@code _id} = recipient) listing their notifications, newest
 * last, bounded. Reading an inbox is then one read by {@code _id} and one {@code $in} on {@code _id}, never a search
 * of all notifications (which the embedded store cannot index by recipient).
 */
@Component
public class Inboxes {

    static final String INBOXES = "inboxes";
    /** How many notifications an inbox lists; older ones stay stored but drop off the list. */
    public static final int INBOX_SIZE = 100;

    private final MongoTemplate mongo;

    Inboxes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Lists a notification in its recipient's inbox; listing it again changes nothing. */
    public void list(String recipientId, String notificationId) {
        Document inbox = mongo.getCollection(INBOXES).find(new Document("_id", recipientId)).first();
        if (inbox != null && inbox.getList("ids", String.class, List.of()).contains(notificationId)) {
            return;
        }
        mongo.upsert(query(where("_id").is(recipientId)), new Update().push("ids").slice(-INBOX_SIZE)
                .each(notificationId), INBOXES);
    }

    /** A recipient's inbox, newest first. */
    public List<Notification> of(String recipientId, int limit) {
        Document inbox = mongo.getCollection(INBOXES).find(new Document("_id", recipientId)).first();
        if (inbox == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(inbox.getList("ids", String.class, List.of())));
        Collections.reverse(ids);
        List<String> newest = ids.subList(0, Math.min(limit, ids.size()));
        // $in on _id is answered from the _id index, on the embedded store too.
        Map<String, NotificationDocument> found = mongo.find(query(where("_id").in(newest)),
                NotificationDocument.class).stream().collect(Collectors.toMap(NotificationDocument::getId, n -> n));
        return newest.stream().map(found::get).filter(Objects::nonNull).map(NotificationDocument::toDomain).toList();
    }
}
