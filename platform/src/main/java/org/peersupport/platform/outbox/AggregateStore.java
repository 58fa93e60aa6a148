package org.peersupport.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.messaging.EventCodec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Stores one kind of aggregate so that its state, the record of what caused the change and its outbox are written
 * together in one single-document operation. Every filter here is index-exact: {@code _id} alone or
 * {@code (ref, version)}. A document about to hold pending messages is first listed in the relay's work list
 * ({@link OutboxMarkers}), so the relay never has to search the aggregates for them.
 */
public class AggregateStore<D extends OutboxDocument> {

    private static final int MAX_ATTEMPTS = 32;

    private final MongoTemplate mongo;
    private final Class<D> type;
    private final String collection;
    private final OutboxRelay relay;
    private final OutboxMarkers markers;
    private final EventCodec codec = new EventCodec();

    public AggregateStore(MongoTemplate mongo, Class<D> type, OutboxRelay relay) {
        this.mongo = mongo;
        this.type = type;
        this.collection = mongo.getCollectionName(type);
        this.relay = relay;
        this.markers = new OutboxMarkers(mongo);
        mongo.indexOps(collection).createIndex(new Index().on("ref", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC).unique().named("ref_version"));
        mongo.indexOps(OutboxMarkers.COLLECTION).createIndex(new Index().on("parked", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("parked_next"));
        listLegacyPending();
        relay.register(this);
    }

    /**
     * Documents written before the relay had its work list carry a {@code pending} flag instead: list them once
     * (a scan at start-up, remembered in {@code outbox_meta}), zombies included, and drop the flag.
     */
    private void listLegacyPending() {
        String done = "legacy-pending/" + collection;
        if (mongo.exists(query(where("_id").is(done)), "outbox_meta")) {
            return;
        }
        for (org.bson.Document legacy : mongo.getCollection(collection).find(new org.bson.Document("pending", true))) {
            markers.touch(collection, legacy.getString("_id"), relay.now());
        }
        mongo.updateMulti(query(where("pending").exists(true)), new Update().unset("pending"), collection);
        mongo.upsert(query(where("_id").is(done)), Update.update("at", relay.now()), "outbox_meta");
    }

    public String collection() {
        return collection;
    }

    public Class<D> type() {
        return type;
    }

    OutboxMarkers markers() {
        return markers;
    }

    public Optional<D> find(String id) {
        return Optional.ofNullable(mongo.findById(id, type, collection));
    }

    /** Inserts a new aggregate; false when one with this id exists already (the deterministic-id idempotency case). */
    public boolean insert(D document) {
        document.prepareInsert();
        if (document.isPending()) {
            markers.touch(collection, document.getId(), relay.now());
        }
        try {
            mongo.insert(document, collection);
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
        relay.wakeUp();
        return true;
    }

    /** Replaces the aggregate if nobody changed it since it was read, or throws {@link ConcurrentUpdateException}. */
    public void replace(D document) {
        long expected = document.getVersion();
        document.bumpVersion();
        if (document.isPending()) {
            markers.touch(collection, document.getId(), relay.now());
        }
        Query guard = query(where("ref").is(document.getId()).and("version").is(expected));
        D previous = mongo.findAndReplace(guard, document, collection);
        if (previous == null) {
            document.restoreVersion(expected);
            throw new ConcurrentUpdateException(collection, document.getId());
        }
        relay.wakeUp();
    }

    /**
     * Stores a new aggregate with what {@code cause} (an event or timer id, or null for a call) decided about it:
     * its state is already in {@code document}; the decision's events and timers go into its outbox. False when one
     * with this id exists already (the deterministic-id idempotency case).
     */
    public boolean insert(D document, String causeId, Decision<?> decision) {
        record(document, causeId, decision);
        return insert(document);
    }

    /**
     * Applies a cause (an event or timer, by id; null for a call, which has no id to remember) to one stored
     * aggregate: unless this cause changed it before, {@code decide} returns the decision about its current state,
     * and the new state, the cause's id, the events and the timers are written in one guarded write. Reads again
     * when another writer got there first, so {@code decide} must be free of side effects: it may run more than once.
     */
    @SuppressWarnings("unchecked")
    public <S> Applied<S> apply(String id, String causeId, Function<S, Decision<S>> decide) {
        return apply(id, causeId, document -> decide.apply(((HoldsState<S>) document).toDomain()),
                (document, state) -> ((HoldsState<S>) document).apply(state));
    }

    /**
     * As {@link #apply(String, String, Function)}, for a document that holds more than one state: {@code decide}
     * reads the document, and {@code write} puts the decided state into it.
     */
    public <S> Applied<S> apply(String id, String causeId, Function<D, Decision<S>> decide,
            BiConsumer<D, S> write) {
        Optional<Applied<S>> done = change(id, document -> {
            if (causeId != null && document.hasHandled(causeId)) {
                return Applied.of(Applied.Outcome.ALREADY_HANDLED);
            }
            Decision<S> decision = decide.apply(document);
            write.accept(document, decision.state());
            record(document, causeId, decision);
            return Applied.applied(decision);
        });
        return done.orElseGet(() -> Applied.of(Applied.Outcome.NOT_FOUND));
    }

    /**
     * Reads, changes and writes back one aggregate, reading again when another writer got there first; returns
     * what {@code change} returned (never null), or nothing when there is no aggregate with this id.
     * The change function must be free of side effects other than on the document: it may run more than once.
     */
    public <R> Optional<R> update(String id, Function<D, R> change) {
        return change(id, document -> Objects.requireNonNull(change.apply(document),
                "an update returns what it found; apply(...) or a Consumer-style change returns nothing"));
    }

    private <R> Optional<R> change(String id, Function<D, R> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<D> current = find(id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            D document = current.get();
            R result = change.apply(document);
            try {
                replace(document);
                return Optional.of(result);
            } catch (ConcurrentUpdateException lost) {
                if (attempt == MAX_ATTEMPTS) {
                    throw lost;
                }
                backOff(attempt, lost);
            }
        }
    }

    private void record(D document, String causeId, Decision<?> decision) {
        decision.events().forEach(event -> document.publish(event, codec));
        decision.timers().forEach(timer -> document.schedule(timer.id(document.getId()), timer.type(),
                timer.dueAt(), timer.hospitalId(), timer.payload()));
        if (causeId != null) {
            document.markHandled(causeId);
        }
    }

    /**
     * Waits a short random time before the next attempt, so that writers who keep colliding spread out instead of
     * the same one losing every round (without it, 4 writers on one document exhausted 16 attempts in about one
     * run in ten).
     */
    private static void backOff(int attempt, ConcurrentUpdateException lost) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1L << Math.min(attempt, 5)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw lost;
        }
    }

    /** How many documents may still hold messages to hand over (the relay's work list, never the aggregates). */
    long countPending() {
        return markers.countPending(collection);
    }

    /** The documents of this collection that hold messages to hand over (for tests and tools). */
    List<D> findPending(int limit) {
        return mongo.find(query(where("collection").is(collection)).limit(limit), OutboxMarkers.OutboxMarker.class,
                        OutboxMarkers.COLLECTION).stream()
                .map(marker -> find(marker.documentId()).orElse(null))
                .filter(document -> document != null && document.isPending())
                .toList();
    }

    /**
     * Removes handed-over messages and bumps the version, so that a writer holding an older copy (with those
     * messages still in it) loses its guard and re-reads, instead of putting them back. Returns the document as it
     * is now, if it still exists.
     */
    Optional<D> markSent(String documentId, List<String> messageIds) {
        Update pull = new Update().inc("version", 1);
        if (!messageIds.isEmpty()) {
            pull.pull("outbox", query(where("messageId").in(messageIds)).getQueryObject());
        }
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(documentId)), pull,
                FindAndModifyOptions.options().returnNew(true), type, collection));
    }
}
