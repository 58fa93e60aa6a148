package org.peersupport.platform.timers;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Timers in MongoDB, claimed with a lease through one atomic {@code findAndModify}, so two instances never fire the
 * same timer and a crashed instance's timers are fired by another once the lease runs out. The collection only
 * holds live timers (fired ones are deleted), which keeps the due-time scan small on stores without range indexes.
 */
public class TimerStore {

    static final String COLLECTION = "timers";
    private static final Instant UNCLAIMED = Instant.EPOCH;

    private final MongoTemplate mongo;
    private final Clock clock;

    public TimerStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("leaseToken", Sort.Direction.ASC).named("leaseToken"));
    }

    /** Schedules a timer once: scheduling the same id again changes nothing. */
    public void schedule(String id, String type, String aggregateId, String hospitalId, Instant dueAt,
            String correlationId) {
        Update insertOnly = new Update()
                .setOnInsert("type", type)
                .setOnInsert("aggregateId", aggregateId)
                .setOnInsert("hospitalId", hospitalId)
                .setOnInsert("dueAt", dueAt)
                .setOnInsert("leaseUntil", UNCLAIMED)
                .setOnInsert("leaseToken", "free-" + id)
                .setOnInsert("attempts", 0)
                .setOnInsert("correlationId", correlationId);
        mongo.upsert(query(where("_id").is(id)), insertOnly, COLLECTION);
    }

    /** Claims one due timer whose lease (if any) has run out. */
    public Optional<TimerTask> claimDue(Duration lease) {
        Instant now = clock.instant();
        Update claim = new Update()
                .set("leaseUntil", now.plus(lease))
                .set("leaseToken", UUID.randomUUID().toString())
                .inc("attempts", 1);
        TimerTask claimed = mongo.findAndModify(
                query(where("dueAt").lte(now).and("leaseUntil").lte(now)), claim,
                FindAndModifyOptions.options().returnNew(true), TimerTask.class, COLLECTION);
        return Optional.ofNullable(claimed);
    }

    /** Deletes a fired timer, only if this claim still holds its lease. */
    public boolean complete(TimerTask claimed) {
        return mongo.remove(query(where("leaseToken").is(claimed.leaseToken())), COLLECTION).getDeletedCount() == 1;
    }

    /** Gives a failed timer back, to be claimed again after the back-off. */
    public void release(TimerTask claimed, Duration backoff) {
        mongo.updateFirst(query(where("leaseToken").is(claimed.leaseToken())),
                Update.update("leaseUntil", clock.instant().plus(backoff)), COLLECTION);
    }

    public Optional<TimerTask> find(String id) {
        return Optional.ofNullable(mongo.findById(id, TimerTask.class, COLLECTION));
    }

    public long count() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }
}
