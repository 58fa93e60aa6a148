package org.peersupport.intake.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Submissions counted per caller and window: one document per (caller pseudonym, window), {@code _id} = both,
 * raised by an atomic {@code $inc} upsert, so every instance of the service counts into the same number.
 */
@Component
public class SubmissionCounts {

    static final String COLLECTION = "submission_counts";

    private final MongoTemplate mongo;

    SubmissionCounts(MongoTemplate mongo) {
        this.mongo = mongo;
        // Real MongoDB removes a window's count once it is over; the embedded store ignores the index (harmless).
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /** Counts one more in the window and returns the count, this one included. */
    public long increment(String key, Instant windowEnd) {
        try {
            return count(key, windowEnd);
        } catch (DuplicateKeyException concurrentFirst) {
            // Two upserts of a new window raced and one inserted first: the document exists now.
            return count(key, windowEnd);
        }
    }

    private long count(String key, Instant windowEnd) {
        Document counted = mongo.findAndModify(query(where("_id").is(key)),
                new Update().inc("count", 1).setOnInsert("expiresAt", Date.from(windowEnd)),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return ((Number) counted.get("count")).longValue();
    }
}
