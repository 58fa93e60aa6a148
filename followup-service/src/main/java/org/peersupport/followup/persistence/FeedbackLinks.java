package org.peersupport.followup.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The feedback links not used yet: one document per link, keyed by the SHA-256 of its token ({@code _id}), holding
 * only the hospital, the month it was given in and when it lapses. No case, supporter or requester is stored with
 * it, and a link is removed by the one read that uses it, so each is good for one answer.
 */
@Component
public class FeedbackLinks {

    static final String COLLECTION = "feedback_links";
    private static final String HOSPITAL = "hospitalId";
    private static final String MONTH = "month";
    private static final String EXPIRES_AT = "expiresAt";

    private final MongoTemplate mongo;

    FeedbackLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What an unused link is good for: an answer counted for this hospital and month. */
    public record Link(String hospitalId, String month) {
    }

    public void add(String tokenHash, String hospitalId, String month, Instant expiresAt) {
        mongo.insert(new Document("_id", tokenHash).append(HOSPITAL, hospitalId).append(MONTH, month)
                .append(EXPIRES_AT, Date.from(expiresAt)), COLLECTION);
    }

    public void remove(String tokenHash) {
        mongo.remove(query(where("_id").is(tokenHash)), COLLECTION);
    }

    /** The link, if it exists and has not lapsed; it stays usable. */
    public Optional<Link> find(String tokenHash, Instant now) {
        return Optional.ofNullable(mongo.findById(tokenHash, Document.class, COLLECTION))
                .filter(found -> found.getDate(EXPIRES_AT).toInstant().isAfter(now))
                .map(found -> new Link(found.getString(HOSPITAL), found.getString(MONTH)));
    }

    /** Uses the link up: removes it in one atomic step and says what it was good for, if it was there and current. */
    public Optional<Link> use(String tokenHash, Instant now) {
        Document removed = mongo.findAndRemove(query(where("_id").is(tokenHash)), Document.class, COLLECTION);
        return Optional.ofNullable(removed)
                .filter(found -> found.getDate(EXPIRES_AT).toInstant().isAfter(now))
                .map(found -> new Link(found.getString(HOSPITAL), found.getString(MONTH)));
    }
}
