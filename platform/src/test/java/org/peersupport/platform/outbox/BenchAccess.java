package org.peersupport.platform.outbox;

import org.springframework.data.mongodb.core.mapping.Document;

/** Lets the hot-query benchmark reach the relay's work list, which is package-private. */
public final class BenchAccess {

    private BenchAccess() {
    }

    public static int dueMarkers(AggregateStore<?> store, int limit) {
        return store.markers().due(java.time.Instant.now(), limit).size();
    }

    /** The benchmark's aggregate. */
    @Document("aggregates")
    public static class Aggregate extends OutboxDocument {

        public Aggregate() {
        }
    }
}
