package org.peersupport.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.platform.messaging.EventCodec;
import org.springframework.data.mongodb.core.mapping.Document;

/** A minimal aggregate for the tests: a number, plus everything {@link OutboxDocument} brings. */
@Document("counters")
public class Counter extends OutboxDocument implements HoldsState<Integer> {

    static final String HOSPITAL = "hosp-1";
    static final String TIMER_TYPE = "counter.reminder";

    private int count;
    private String label;

    public Counter() {
    }

    public Counter(String id, String label) {
        super(id);
        this.label = label;
    }

    int count() {
        return count;
    }

    String label() {
        return label;
    }

    void label(String label) {
        this.label = label;
    }

    @Override
    public Integer toDomain() {
        return count;
    }

    @Override
    public void apply(Integer count) {
        this.count = count;
    }

    void increment() {
        count++;
    }

    /** The idempotent-consumer pattern: applies an event's effect once, however often it is delivered. */
    boolean apply(String eventId, int delta) {
        if (hasHandled(eventId)) {
            return false;
        }
        count += delta;
        markHandled(eventId);
        return true;
    }

    /** Queues a RequestWithdrawn about this counter (its id is the request id, so the Kafka key). */
    RequestWithdrawn withdraw(EventCodec codec) {
        return withdraw(codec, getId());
    }

    /** Queues a RequestWithdrawn about another request: its id is the Kafka key. */
    RequestWithdrawn withdraw(EventCodec codec, String requestId) {
        RequestWithdrawn event = new RequestWithdrawn(org.peersupport.platform.kernel.Decision.newEventId(),
                Instant.parse("2026-11-02T10:15:30Z"), HOSPITAL, requestId);
        publish(event, codec);
        return event;
    }

    /** Queues a reminder timer. */
    String remindIn(Duration in, String timerId) {
        schedule(timerId, TIMER_TYPE, Instant.now().plus(in), HOSPITAL, java.util.Map.of());
        return timerId;
    }
}
