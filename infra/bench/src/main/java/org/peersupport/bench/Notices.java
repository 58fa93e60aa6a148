package org.peersupport.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The notices notification stored ({@code notifications} in its own database, one document per notice and recipient,
 * with {@code createdAt}, the moment it was told): what "the supporter's notice stored" is measured by. Read from the
 * store itself, as the e2e test reads the inbox, so nothing in between adds to the figure.
 */
final class Notices implements AutoCloseable {

    /** One stored notice: who, what kind, about which request or case, when. */
    record Notice(String id, String recipientId, String kind, String aboutId, Instant createdAt) {
    }

    private final MongoClient client;
    private final MongoCollection<Document> notifications;

    Notices(String mongoUri) {
        this.client = MongoClients.create(mongoUri);
        this.notifications = client.getDatabase("notification").getCollection("notifications");
    }

    /** Every notice created at or after {@code since}. */
    List<Notice> since(Instant since) {
        List<Notice> found = new ArrayList<>();
        for (Document d : notifications.find(Filters.gte("createdAt", Date.from(since)))
                .projection(Projections.include("recipientId", "notice", "aboutId", "createdAt"))) {
            Date created = d.getDate("createdAt");
            found.add(new Notice(String.valueOf(d.get("_id")), d.getString("recipientId"), d.getString("notice"),
                    d.getString("aboutId"), created == null ? null : created.toInstant()));
        }
        return found;
    }

    @Override
    public void close() {
        client.close();
    }
}
