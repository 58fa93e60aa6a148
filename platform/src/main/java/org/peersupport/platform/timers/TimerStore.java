package org.peersupport.platform.timers;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Timers in MongoDB, claimed with a lease, so two instances never fire the same timer and a crashed instance's
 * timers are fired by another once the lease runs out.
 *
 * <p>Finding due timers never scans: each timer is also listed in the slot document of the ten seconds it falls due
 * in ({@code timer_slots}, {@code _id} = slot number), and a cursor ({@code timer_cursor}) remembers the oldest slot
 * that may still hold a timer. A poll reads the cursor and the few slots from there to now, by {@code _id}; a claim
 * is one {@code findAndModify} on the timer's unique lease token. Both filters are index-exact on any MongoDB and on
 * the embedded store. A slot is only ever written at or after the current slot, and the cursor only passes slots
 * older than {@link #GRACE}, so a clock skew between instances below that cannot hide a timer behind the cursor.
 * Timers that keep failing are parked in {@code timers_parked}, kept for an operator, counted, never fired again
 * until {@link #unparkAll()} (run at start-up, i.e. after a fix is deployed).
 */
public class TimerStore {

    static final String COLLECTION = "timers";
    static final String SLOTS = "timer_slots";
    static final String CURSOR = "timer_cursor";
    static final String PARKED = "timers_parked";
    static final long SLOT_MILLIS = 10_000;
    static final Duration GRACE = Duration.ofSeconds(30);
    private static final Instant UNCLAIMED = Instant.EPOCH;
    private static final String LEGACY_MIGRATED = "slots-v1";

    private final MongoTemplate mongo;
    private final Clock clock;

    public TimerStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("leaseToken", Sort.Direction.ASC).unique()
                .named("leaseToken"));
        listLegacyTimers();
    }

    /**
     * Timers stored before slots existed have none: list them once (a scan, at start-up only, then remembered).
     */
    private void listLegacyTimers() {
        if (mongo.getCollection(CURSOR).find(new Document("_id", LEGACY_MIGRATED)).first() != null) {
            return;
        }
        for (Document legacy : mongo.getCollection(COLLECTION).find(new Document("slot", new Document("$exists", false)))) {
            Instant dueAt = legacy.getDate("dueAt").toInstant();
            long slot = Math.max(slotOf(dueAt), slotOf(clock.instant()));
            addToSlot(slot, legacy.getString("_id"), dueAt);
            mongo.updateFirst(query(where("_id").is(legacy.getString("_id"))), Update.update("slot", slot), COLLECTION);
        }
        mongo.getCollection(CURSOR).replaceOne(new Document("_id", LEGACY_MIGRATED),
                new Document("_id", LEGACY_MIGRATED), new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /** Schedules a timer without a payload once: scheduling the same id again changes nothing. */
    public void schedule(String id, String type, String aggregateId, String hospitalId, Instant dueAt,
            String correlationId) {
        schedule(id, type, aggregateId, hospitalId, dueAt, correlationId, Map.of());
    }

    /** Schedules a timer with its payload once: scheduling the same id again changes nothing. */
    public void schedule(String id, String type, String aggregateId, String hospitalId, Instant dueAt,
            String correlationId, Map<String, String> payload) {
        long slot = Math.max(slotOf(dueAt), slotOf(clock.instant()));
        // The slot entry first: a crash after it leaves an entry without a timer, which a poll drops.
        addToSlot(slot, id, dueAt);
        Update insertOnly = new Update()
                .setOnInsert("type", type)
                .setOnInsert("aggregateId", aggregateId)
                .setOnInsert("hospitalId", hospitalId)
                .setOnInsert("dueAt", dueAt)
                .setOnInsert("slot", slot)
                .setOnInsert("leaseUntil", UNCLAIMED)
                .setOnInsert("leaseToken", "free-" + id)
                .setOnInsert("attempts", 0)
                .setOnInsert("correlationId", correlationId)
                .setOnInsert("payload", payload);
        mongo.upsert(query(where("_id").is(id)), insertOnly, COLLECTION);
    }

    /** Claims one due timer whose lease (if any) has run out. */
    public Optional<TimerTask> claimDue(Duration lease) {
        return claimDue(lease, 1).stream().findFirst();
    }

    /** Claims up to {@code max} due timers whose lease (if any) has run out, the earliest due first. */
    public List<TimerTask> claimDue(Duration lease, int max) {
        Instant now = clock.instant();
        long current = slotOf(now);
        long cursor = cursor(current);
        List<TimerTask> claimed = new ArrayList<>();
        boolean emptySoFar = true;
        for (long slot = cursor; slot <= current && claimed.size() < max; slot++) {
            List<Entry> entries = entries(slot);
            if (entries.isEmpty()) {
                // Only a run of empty slots from the cursor on may be passed: a held timer keeps the cursor at its slot.
                if (emptySoFar) {
                    advanceCursorPast(slot, now);
                }
                continue;
            }
            emptySoFar = false;
            entries.sort(Comparator.comparing(Entry::dueAt));
            for (Entry entry : entries) {
                if (claimed.size() == max || entry.dueAt().isAfter(now)) {
                    break;
                }
                claim(slot, entry, now, lease).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    private Optional<TimerTask> claim(long slot, Entry entry, Instant now, Duration lease) {
        TimerTask timer = mongo.findById(entry.id(), TimerTask.class, COLLECTION);
        if (timer == null && !entry.dueAt().isBefore(now.minus(GRACE))) {
            // Perhaps being scheduled right now (its entry is written first): a timer due at once must not lose its
            // entry between the two writes. Looked at again next poll; dropped once it is GRACE overdue.
            return Optional.empty();
        }
        if (timer == null || timer.slot() != slot) {
            // Fired, parked or moved by another instance; the entry is left over from a crash or a race.
            removeFromSlot(slot, entry.id());
            return Optional.empty();
        }
        if (timer.leaseUntil().isAfter(now)) {
            return Optional.empty();
        }
        Update claim = new Update()
                .set("leaseUntil", now.plus(lease))
                .set("leaseToken", UUID.randomUUID().toString())
                .inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(query(where("leaseToken").is(timer.leaseToken())), claim,
                FindAndModifyOptions.options().returnNew(true), TimerTask.class, COLLECTION));
    }

    /** Deletes a fired timer, only if this claim still holds its lease. */
    public boolean complete(TimerTask claimed) {
        boolean deleted = mongo.remove(query(where("leaseToken").is(claimed.leaseToken())), COLLECTION)
                .getDeletedCount() == 1;
        if (deleted) {
            removeFromSlot(claimed.slot(), claimed.id());
        }
        return deleted;
    }

    /** Gives a failed timer back, to be claimed again after the back-off. */
    public void release(TimerTask claimed, Duration backoff) {
        Instant retryAt = clock.instant().plus(backoff);
        long slot = Math.max(slotOf(retryAt), slotOf(clock.instant()));
        if (slot != claimed.slot()) {
            addToSlot(slot, claimed.id(), retryAt);
        }
        boolean moved = mongo.updateFirst(query(where("leaseToken").is(claimed.leaseToken())),
                new Update().set("leaseUntil", retryAt).set("slot", slot), COLLECTION).getModifiedCount() == 1;
        if (moved && slot != claimed.slot()) {
            removeFromSlot(claimed.slot(), claimed.id());
        }
    }

    /** Takes a timer that keeps failing out of the schedule and keeps it among the parked ones. */
    public boolean park(TimerTask claimed) {
        TimerTask current = mongo.findById(claimed.id(), TimerTask.class, COLLECTION);
        if (current == null || !current.leaseToken().equals(claimed.leaseToken())) {
            return false;
        }
        mongo.save(current, PARKED);
        return complete(claimed);
    }

    /** Puts every parked timer back on the schedule, due now, with its attempts reset. */
    public int unparkAll() {
        int count = 0;
        for (TimerTask parked : mongo.findAll(TimerTask.class, PARKED)) {
            schedule(parked.id(), parked.type(), parked.aggregateId(), parked.hospitalId(), clock.instant(),
                    parked.correlationId(), parked.payload());
            mongo.remove(query(where("_id").is(parked.id())), PARKED);
            count++;
        }
        return count;
    }

    public Optional<TimerTask> find(String id) {
        return Optional.ofNullable(mongo.findById(id, TimerTask.class, COLLECTION));
    }

    public Optional<TimerTask> findParked(String id) {
        return Optional.ofNullable(mongo.findById(id, TimerTask.class, PARKED));
    }

    public long count() {
        return mongo.getCollection(COLLECTION).estimatedDocumentCount();
    }

    public long countParked() {
        return mongo.getCollection(PARKED).estimatedDocumentCount();
    }

    static long slotOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), SLOT_MILLIS);
    }

    private long cursor(long current) {
        Document cursor = mongo.getCollection(CURSOR).find(new Document("_id", CURSOR)).first();
        if (cursor == null) {
            return current; // nothing was ever scheduled: every schedule lowers the cursor to its slot
        }
        return cursor.get("slot", Number.class).longValue();
    }

    /** Moves the cursor past an empty slot, but only one old enough that no instance still schedules into it. */
    private void advanceCursorPast(long slot, Instant now) {
        if (slot < slotOf(now.minus(GRACE))) {
            mongo.getCollection(SLOTS).deleteOne(new Document("_id", slot).append("entries", new Document("$size", 0)));
            mongo.upsert(query(where("_id").is(CURSOR)), new Update().max("slot", slot + 1), CURSOR);
        }
    }

    /** Lists a timer in its slot, and keeps the cursor at or before that slot. */
    private void addToSlot(long slot, String id, Instant dueAt) {
        mongo.upsert(query(where("_id").is(slot)),
                new Update().addToSet("entries", new Document("id", id).append("dueAt", java.util.Date.from(dueAt))),
                SLOTS);
        mongo.upsert(query(where("_id").is(CURSOR)), new Update().min("slot", slot), CURSOR);
    }

    private void removeFromSlot(long slot, String id) {
        mongo.updateFirst(query(where("_id").is(slot)),
                new Update().pull("entries", new Document("id", id)), SLOTS);
    }

    private List<Entry> entries(long slot) {
        Document found = mongo.getCollection(SLOTS).find(new Document("_id", slot)).first();
        List<Entry> entries = new ArrayList<>();
        if (found != null) {
            for (Document entry : found.getList("entries", Document.class, List.of())) {
                entries.add(new Entry(entry.getString("id"), entry.getDate("dueAt").toInstant()));
            }
        }
        return entries;
    }

    private record Entry(String id, Instant dueAt) {
    }
}
