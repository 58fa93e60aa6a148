package org.peersupport.platform.kernel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peersupport.events.DomainEvent;

/**
 * What an aggregate decided: its new state, the events it publishes and the timers it schedules. Aggregates return
 * one; only the store (AggregateStore) writes the state and hands the events and timers over. An unchanged decision
 * is the idempotent answer to a cause that changes nothing (a repeat, or one that came too late).
 */
public record Decision<S>(S state, List<DomainEvent> events, List<Timer> timers, boolean changed) {

    public Decision {
        events = List.copyOf(events);
        timers = List.copyOf(timers);
    }

    /** A timer the aggregate asks for: its id is the aggregate's id, ':' and {@code key}. */
    public record Timer(String key, String type, String hospitalId, Instant dueAt, Map<String, String> payload) {

        public Timer {
            payload = payload == null ? Map.of() : Map.copyOf(payload);
        }

        public String id(String aggregateId) {
            return aggregateId + ":" + key;
        }
    }

    /** The aggregate moves to {@code state}, publishing and scheduling nothing (yet). */
    public static <S> Decision<S> to(S state) {
        return new Decision<>(state, List.of(), List.of(), true);
    }

    /** The aggregate stays as it is: nothing to publish, nothing to schedule. */
    public static <S> Decision<S> unchanged(S state) {
        return new Decision<>(state, List.of(), List.of(), false);
    }

    /** This decision, publishing {@code event} too. */
    public Decision<S> publishing(DomainEvent event) {
        List<DomainEvent> more = new ArrayList<>(events);
        more.add(event);
        return new Decision<>(state, more, timers, true);
    }

    /** This decision, scheduling {@code timer} too. */
    public Decision<S> scheduling(Timer timer) {
        List<Timer> more = new ArrayList<>(timers);
        more.add(timer);
        return new Decision<>(state, events, more, true);
    }

    /** A fresh event id. */
    public static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
