package org.peersupport.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.EventType;
import org.peersupport.platform.messaging.Correlation;
import org.peersupport.platform.messaging.EventCodec;
import org.peersupport.platform.messaging.TraceContext;
import org.springframework.data.annotation.Id;

/**
 * Base of every stored aggregate: its state, the ids of the events and timers it has already handled, and
 * the events and timers it still has to hand over, all in one document so that one write is atomic.
 *
 * <p>{@code ref} repeats {@code _id} on purpose: the embedded store only uses an index for an exact key set, and
 * {@code _id} inside a compound index is never used, so the optimistic-concurrency guard is {@code (ref, version)}.
 */
public abstract class OutboxDocument {

    /** How many handled event ids a document remembers; redeliveries come long before this many newer events. */
    static final int HANDLED_MEMORY = 200;

    @Id
    private String id;
    private String ref;
    private long version;
    private List<OutboxMessage> outbox = new ArrayList<>();
    private List<String> handled = new ArrayList<>();

    protected OutboxDocument() {
    }

    protected OutboxDocument(String id) {
        this.id = id;
        this.ref = id;
    }

    public String getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public List<OutboxMessage> getOutbox() {
        return List.copyOf(outbox);
    }

    /** Whether this document holds messages not yet handed over. */
    public boolean isPending() {
        return !outbox.isEmpty();
    }

    /** Whether the event (or timer) with this id has already changed this document. */
    boolean hasHandled(String eventId) {
        return handled.contains(eventId);
    }

    /** Remembers that this write is the effect of the given event or timer, so a redelivery changes nothing. */
    void markHandled(String eventId) {
        if (!handled.contains(eventId)) {
            handled.add(eventId);
            if (handled.size() > HANDLED_MEMORY) {
                handled.remove(0);
            }
        }
    }

    /** Queues an event to be published once this document is stored. */
    void publish(DomainEvent event, EventCodec codec) {
        EventType type = EventType.of(event);
        outbox.add(new OutboxMessage(event.eventId(), OutboxMessage.Kind.EVENT, type.wireType(), type.topic(),
                event.subject(), event.hospitalId(), codec.encodeToString(event), event.occurredAt(), null,
                Correlation.current(), null, TraceContext.current()));
    }

    /** Queues a durable timer to be scheduled once this document is stored; the id makes scheduling idempotent. */
    void schedule(String timerId, String timerType, Instant dueAt, String hospitalId, Map<String, String> payload) {
        outbox.add(new OutboxMessage(timerId, OutboxMessage.Kind.TIMER, timerType, null, id, hospitalId, null,
                Instant.now(), dueAt, Correlation.current(), payload));
    }

    void prepareInsert() {
        ref = id;
        version = 0;
    }

    void bumpVersion() {
        version++;
    }

    void restoreVersion(long previous) {
        version = previous;
    }
}
