package org.peersupport.notification.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The notifications that name a request ({@code aboutId}), and their purge once intake's retention period for it is
 * over: each leaves its recipient's inbox, then is deleted. Found by {@code aboutId}: an index on real MongoDB; the
 * embedded store ignores it and scans, which a purge (once per request, never on a hot path) can afford.
 */
@Component
public class RequestNotices {

    private static final String ABOUT = "aboutId";

    private final MongoTemplate mongo;

    RequestNotices(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(NotificationDocument.COLLECTION).createIndex(new Index().on(ABOUT, Sort.Direction.ASC)
                .named("about"));
    }

    /** A notification naming the request: its id, hospital and recipient. */
    public record Notice(String id, String hospitalId, String recipientId) {
    }

    public List<Notice> about(String requestId) {
        return mongo.find(query(where(ABOUT).is(requestId)), Document.class, NotificationDocument.COLLECTION)
                .stream().map(found -> new Notice(found.getString("_id"), found.getString("hospitalId"),
                        found.getString("recipientId")))
                .toList();
    }

    /** Takes the notification out of its recipient's inbox first, then deletes it: a purge cut short finds it again. */
    public void purge(Notice notice) {
        mongo.updateFirst(query(where("_id").is(notice.recipientId())), new Update().pull("ids", notice.id()),
                Inboxes.INBOXES);
        mongo.remove(query(where("_id").is(notice.id())), NotificationDocument.COLLECTION);
    }
}
