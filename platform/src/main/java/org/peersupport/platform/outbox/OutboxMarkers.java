package org.peersupport.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The relay's work list: one small marker per aggregate document that may hold messages to hand over, in the
 * {@code outbox} collection. It holds only documents with pending messages, so reading it costs what is pending, never
 * what is stored (the embedded store cannot use a non-unique index such as one on a {@code pending} flag).
 *
 * <p>A writer touches the marker (bumping its generation) before it writes the document under its version guard, so a
 * document with pending messages always has a marker: a crash between the two leaves at worst a marker with nothing
 * to do, which the relay clears. The relay clears a marker only if its generation is the one it read, so a writer
 * that touched it meanwhile keeps it; and that writer's guarded write fails if the relay changed the document after
 * the writer read it, so it reads again and touches the marker again.
 */
final class OutboxMarkers {

    static final String COLLECTION = "outbox";

    private final MongoTemplate mongo;

    OutboxMarkers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String idOf(String collection, String documentId) {
        return collection + "/" + documentId;
    }

    /** Records that this document is about to hold pending messages; keeps any back-off already counted. */
    void touch(String collection, String documentId, Instant now) {
        Update touch = new Update()
                .inc("gen", 1)
                .setOnInsert("collection", collection)
                .setOnInsert("documentId", documentId)
                .setOnInsert("createdAt", now)
                .setOnInsert("attempts", 0)
                .setOnInsert("nextAttemptAt", Instant.EPOCH)
                .setOnInsert("parked", false);
        mongo.upsert(query(where("_id").is(idOf(collection, documentId))), touch, COLLECTION);
    }

    /** Markers ready for a try now, oldest due first; parked ones and those backing off wait without blocking. */
    List<OutboxMarker> due(Instant now, int limit) {
        return mongo.find(query(where("parked").is(false).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt", "createdAt")).limit(limit), OutboxMarker.class, COLLECTION);
    }

    /** Clears the marker unless a writer touched it since it was read. */
    void clear(OutboxMarker marker) {
        mongo.remove(query(where("_id").is(marker.id()).and("gen").is(marker.gen())), COLLECTION);
    }

    /** Counts one more failed try and sets when the next may start; parks it when it is out of attempts. */
    void failed(OutboxMarker marker, Instant nextAttemptAt, boolean park) {
        mongo.updateFirst(query(where("_id").is(marker.id())), new Update().inc("attempts", 1)
                .set("nextAttemptAt", nextAttemptAt).set("parked", park), COLLECTION);
    }

    /** A try went through: the back-off of earlier failures no longer applies. */
    void succeeded(OutboxMarker marker) {
        if (marker.attempts() > 0) {
            mongo.updateFirst(query(where("_id").is(marker.id())),
                    new Update().set("attempts", 0).set("nextAttemptAt", Instant.EPOCH), COLLECTION);
        }
    }

    long countPending(String collection) {
        return mongo.count(query(where("collection").is(collection)), COLLECTION);
    }

    /**
     * When the oldest marker not parked was first touched: the oldest message still being handed over; null with
     * none. Parked ones are counted apart ({@link #countParked()}), so they do not hold this at its highest for ever.
     */
    Instant oldestCreatedAt() {
        OutboxMarker oldest = mongo.findOne(query(where("parked").is(false)).with(Sort.by("createdAt")).limit(1),
                OutboxMarker.class, COLLECTION);
        return oldest == null ? null : oldest.createdAt();
    }

    long countParked() {
        return mongo.count(query(where("parked").is(true)), COLLECTION);
    }

    /** Gives every parked marker another chance (at start-up: a new release may have fixed what refused it). */
    long unparkAll() {
        return mongo.updateMulti(query(where("parked").is(true)), new Update().set("parked", false)
                .set("attempts", 0).set("nextAttemptAt", Instant.EPOCH), COLLECTION).getModifiedCount();
    }

    record OutboxMarker(String id, String collection, String documentId, long gen, Instant createdAt, int attempts,
            Instant nextAttemptAt, boolean parked) {
    }
}
