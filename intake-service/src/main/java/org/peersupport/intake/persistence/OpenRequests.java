package org.peersupport.intake.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one open request of each requester: a document keyed by the requester's pseudonym ({@code _id} =
 * requesterRef) naming the request that holds the place. Claimed by an insert (the unique {@code _id} decides
 * between concurrent submissions), handed on by a conditional update, released by a conditional delete, so no
 * transaction is needed and no two requests of one requester are ever open at once.
 */
@Component
public class OpenRequests {

    static final String COLLECTION = "open_requests";
    private static final String REQUEST_ID = "requestId";
    private static final String CLAIMED_AT = "claimedAt";

    private final MongoTemplate mongo;

    OpenRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Who holds a requester's place: the request's id, and when it claimed it. */
    public record Holder(String requestId, Instant claimedAt) {
    }

    /** Claims the requester's place for {@code requestId}; the holder is that request, or the one already there. */
    public Holder claim(String requesterRef, String requestId, Instant now) {
        while (true) {
            try {
                mongo.insert(new Document("_id", requesterRef).append(REQUEST_ID, requestId)
                        .append(CLAIMED_AT, Date.from(now)), COLLECTION);
                return new Holder(requestId, now);
            } catch (DuplicateKeyException taken) {
                Document holder = mongo.findById(requesterRef, Document.class, COLLECTION);
                if (holder != null) {
                    return new Holder(holder.getString(REQUEST_ID), holder.getDate(CLAIMED_AT).toInstant());
                }
                // Released between the insert and the read: claim again.
            }
        }
    }

    /** Hands the place from a request that no longer holds it (withdrawn, or never stored) to another; false if moved. */
    public boolean takeOver(String requesterRef, String fromRequestId, String toRequestId, Instant now) {
        return mongo.updateFirst(query(where("_id").is(requesterRef).and(REQUEST_ID).is(fromRequestId)),
                Update.update(REQUEST_ID, toRequestId).set(CLAIMED_AT, Date.from(now)), COLLECTION)
                .getModifiedCount() == 1;
    }

    /** Frees the place if this request holds it. */
    public void release(String requesterRef, String requestId) {
        mongo.remove(query(where("_id").is(requesterRef).and(REQUEST_ID).is(requestId)), COLLECTION);
    }
}
