package org.peersupport.platform.outbox;

import java.time.Instant;
import org.peersupport.platform.messaging.EventPublisher;
import org.springframework.data.mongodb.core.mapping.Document;

/** An aggregate and a publisher for tests of the hot paths from outside this package. */
public final class HotPathAccess {

    private HotPathAccess() {
    }

    /** An aggregate that only schedules timers. */
    @Document("things")
    public static class Thing extends OutboxDocument {

        public Thing() {
        }

        Thing(String id) {
            super(id);
        }
    }

    public static Thing thingWithTimer(String id, Instant dueAt) {
        Thing thing = new Thing(id);
        thing.schedule(id + ":reminder", "thing.reminder", dueAt, "hosp-1", java.util.Map.of());
        return thing;
    }

    /** Timers only, so nothing is ever published. */
    public static final class NoBroker extends EventPublisher {

        public NoBroker() {
            super(null, "test");
        }
    }
}
