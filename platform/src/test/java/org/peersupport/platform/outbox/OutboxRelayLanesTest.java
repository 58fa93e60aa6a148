package org.peersupport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.platform.messaging.BrokerUnavailableException;

/**
 * Every test of {@link OutboxRelayTest} again with eight lanes, and what lanes add: documents are handed over at the
 * same time, except those whose events share a key, which keep the order of their markers.
 */
class OutboxRelayLanesTest extends OutboxRelayTest {

    @Override
    int lanes() {
        return 8;
    }

    @Test
    void documentsWithDifferentKeysAreHandedOverAtTheSameTime() {
        // Each publish waits for the other to be under way: one lane at a time would break the barrier.
        CyclicBarrier bothUnderWay = new CyclicBarrier(2);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        publisher.whilePublishing(message -> {
            try {
                bothUnderWay.await(20, TimeUnit.SECONDS);
            } catch (Exception notTogether) {
                problems.add(message.key() + " was handed over alone: " + notTogether.getClass().getSimpleName());
            }
        });
        insertWithdrawing("case-a", "case-a");
        insertWithdrawing("case-b", "case-b");

        assertThat(relay.relayOnce()).isTrue();

        assertThat(problems).isEmpty();
        assertThat(publisher.published).extracting(OutboxMessage::key).containsExactlyInAnyOrder("case-a", "case-b");
        assertThat(store.countPending()).isZero();
    }

    @Test
    void documentsWhoseEventsShareAKeyAreHandedOverInTheirMarkersOrder() throws InterruptedException {
        // The first document's publish gives the second every chance to overtake it (up to 2 s, which only passes
        // when the second is rightly held back); a third document with a key of its own goes meanwhile.
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch otherKeyPublished = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        publisher.whilePublishing(message -> {
            switch (message.key()) {
                case "shared" -> {
                    if (message.messageId().equals(firstSharedEvent)) {
                        if (awaitQuietly(secondStarted, 2)) {
                            problems.add("the second document's event went while the first's was being sent");
                        }
                    } else {
                        secondStarted.countDown();
                    }
                }
                default -> otherKeyPublished.countDown();
            }
        });
        firstSharedEvent = insertWithdrawing("first", "shared").eventId();
        clock.advance(Duration.ofMillis(1));
        String second = insertWithdrawing("second", "shared").eventId();
        clock.advance(Duration.ofMillis(1));
        insertWithdrawing("third", "its-own");

        assertThat(relay.relayOnce()).isTrue();

        assertThat(problems).isEmpty();
        assertThat(otherKeyPublished.await(0, TimeUnit.SECONDS)).isTrue();
        List<String> shared = publisher.published.stream().filter(message -> message.key().equals("shared"))
                .map(OutboxMessage::messageId).toList();
        assertThat(shared).containsExactly(firstSharedEvent, second);
        assertThat(store.countPending()).isZero();
    }

    @Test
    void aBrokerAwayForOneLaneStopsThePassWithoutCountingAgainstAnyDocumentAndNothingIsSentTwice() {
        List<String> events = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(insertWithdrawing("doc-" + i, "key-" + i).eventId());
            clock.advance(Duration.ofMillis(1));
        }
        java.util.concurrent.atomic.AtomicBoolean away = new java.util.concurrent.atomic.AtomicBoolean(true);
        publisher.unavailable(message -> message.key().equals("key-2") && away.get());

        assertThatThrownBy(relay::relayOnce).isInstanceOf(BrokerUnavailableException.class);

        assertThat(meters.counter("peersupport.outbox.failures").count()).as("an outage is no refusal").isZero();
        assertThat(store.find("doc-2").orElseThrow().getOutbox()).hasSize(1);
        away.set(false);
        relay.relayOnce();
        assertThat(publisher.publishedIds()).containsExactlyInAnyOrderElementsOf(events);
        assertThat(store.countPending()).isZero();
    }

    private volatile String firstSharedEvent;

    private RequestWithdrawn insertWithdrawing(String documentId, String key) {
        Counter counter = new Counter(documentId, "x");
        RequestWithdrawn event = counter.withdraw(codec, key);
        store.insert(counter);
        return event;
    }

    /** True when the latch opened within the time. */
    private static boolean awaitQuietly(CountDownLatch latch, int seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
