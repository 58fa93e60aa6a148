package org.peersupport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.HotPathAccess;
import org.peersupport.platform.outbox.OutboxRelay;
import org.peersupport.platform.testsupport.EmbeddedMongo;
import org.peersupport.platform.testsupport.MutableClock;
import org.peersupport.platform.timers.TimerStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The relay's and the timers' hot paths reach stored aggregates and timers only by {@code _id} or an exact unique key,
 * the only filters the embedded store answers from an index; anything else reads the whole collection, so its cost
 * would grow with the data. (Only the relay's own small work list, which holds just what is pending, may be read
 * otherwise.)
 */
class HotPathFiltersTest {

    private static final EmbeddedMongo mongo = EmbeddedMongo.shared();
    private static final Set<Set<String>> INDEX_EXACT = Set.of(Set.of("_id"), Set.of("ref", "version"),
            Set.of("leaseToken"));
    private static final Set<String> SMALL_BY_DESIGN = Set.of("outbox", "outbox_meta", "timer_cursor", "timer_slots");

    private final List<String> filters = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock();

    @Test
    void relayingAndFiringTimersNeverSearchTheAggregatesOrTheTimers() {
        String database = EmbeddedMongo.freshDatabase();
        MongoTemplate setUp = mongo.template(database);
        OutboxRelay relay = new OutboxRelay(new HotPathAccess.NoBroker(), new TimerStore(setUp, clock),
                new SimpleMeterRegistry(), clock, Duration.ofSeconds(1), Duration.ofSeconds(1), 10);
        AggregateStore<HotPathAccess.Thing> things = new AggregateStore<>(setUp, HotPathAccess.Thing.class, relay);
        for (int i = 0; i < 50; i++) {
            things.insert(HotPathAccess.thingWithTimer("thing-" + i, clock.instant().plusSeconds(i)));
        }

        MongoTemplate observed = mongo.template(database, recorder());
        TimerStore timers = new TimerStore(observed, clock);
        OutboxRelay observedRelay = new OutboxRelay(new HotPathAccess.NoBroker(), timers, new SimpleMeterRegistry(),
                clock, Duration.ofSeconds(1), Duration.ofSeconds(1), 10);
        AggregateStore<HotPathAccess.Thing> observedThings = new AggregateStore<>(observed, HotPathAccess.Thing.class,
                observedRelay);
        filters.clear();
        observedRelay.relayOnce();
        observedThings.update("thing-3", thing -> thing);
        clock.advance(Duration.ofMinutes(2));
        timers.claimDue(Duration.ofMinutes(1), 100).forEach(timers::complete);

        List<String> used = List.copyOf(filters);
        assertThat(timers.count()).isZero();
        assertThat(used).isNotEmpty().allSatisfy(filter -> assertThat(filter).as("a hot-path filter")
                .matches(f -> SMALL_BY_DESIGN.contains(f.substring(0, f.indexOf(' ')))
                        || INDEX_EXACT.stream().anyMatch(keys -> f.endsWith(" " + new TreeSet<>(keys)))));
    }

    private CommandListener recorder() {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                String name = event.getCommandName();
                String collection = command.isString(name) ? command.getString(name).getValue() : "?";
                switch (name) {
                    case "find", "findAndModify", "findandmodify", "count" -> record(collection,
                            command.getDocument(name.equals("count") ? "query" : "filter",
                                    command.getDocument("query", new BsonDocument())));
                    case "update" -> command.getArray("updates").forEach(u -> record(collection,
                            u.asDocument().getDocument("q")));
                    case "delete" -> command.getArray("deletes").forEach(d -> record(collection,
                            d.asDocument().getDocument("q")));
                    default -> { }
                }
            }
        };
    }

    private void record(String collection, BsonDocument filter) {
        filters.add(collection + " " + new TreeSet<>(filter.keySet()));
    }
}
