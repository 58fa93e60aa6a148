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
 * The notifications and outside-channel deliveries that name a request ({@code aboutId}), and their purge once
 * intake's retention period for it is over: a notification leaves its recipient's inbox, then is deleted; a delivery
 * leaves its hospital's failure list, then is deleted (its pending attempt timer then finds nothing and does
 * nothing). Found by {@code aboutId}: an index on real MongoDB; the embedded store ignores it and scans, which a
 * purge (once per request, never on a hot path) can afford.
 */
@Component
public class RequestNotices {

    private static final String ABOUT = "aboutId";

    private final MongoTemplate mongo;
    private final Preferences failures;

    RequestNotices(MongoTemplate mongo, Preferences failures) {
        this.mongo = mongo;
        this.failures = failures;
        mongo.indexOps(NotificationDocument.COLLECTION).createIndex(new Index().on(ABOUT, Sort.Direction.ASC)
                .named("about"));
        mongo.indexOps(DeliveryDocument.COLLECTION).createIndex(new Index().on(ABOUT, Sort.Direction.ASC)
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

    /** A delivery naming the request: its id and hospital (whose failure list may hold it). */
    public record PlannedDelivery(String id, String hospitalId) {
    }

    public List<PlannedDelivery> deliveriesAbout(String requestId) {
        return mongo.find(query(where(ABOUT).is(requestId)), Document.class, DeliveryDocument.COLLECTION)
                .stream().map(found -> new PlannedDelivery(found.getString("_id"), found.getString("hospitalId")))
                .toList();
    }

    /** Takes the delivery off its hospital's failure list first, then deletes it: a purge cut short finds it again. */
    public void purge(PlannedDelivery delivery) {
        failures.unlistFailure(delivery.hospitalId(), delivery.id());
        mongo.remove(query(where("_id").is(delivery.id())), DeliveryDocument.COLLECTION);
    }

    /** Takes the notification out of its recipient's inbox first, then deletes it: a purge cut short finds it again. */
    public void purge(Notice notice) {
        mongo.updateFirst(query(where("_id").is(notice.recipientId())), new Update().pull("ids", notice.id()),
                Inboxes.INBOXES);
        mongo.remove(query(where("_id").is(notice.id())), NotificationDocument.COLLECTION);
    }
}
