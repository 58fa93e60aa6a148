package org.peersupport.platform.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.peersupport.platform.messaging.EventPublisher;

/** Stands in for the broker: records what it took, and refuses what a test tells it to refuse. */
class RecordingPublisher extends EventPublisher {

    final List<OutboxMessage> published = new CopyOnWriteArrayList<>();
    private volatile Predicate<OutboxMessage> refuse = m -> false;
    private volatile Predicate<OutboxMessage> unavailable = m -> false;
    private volatile Consumer<OutboxMessage> whilePublishing = m -> { };

    RecordingPublisher() {
        super(null, "test");
    }

    void refuse(Predicate<OutboxMessage> which) {
        this.refuse = which;
    }

    /** The broker is away for these messages: a transient failure. */
    void unavailable(Predicate<OutboxMessage> which) {
        this.unavailable = which;
    }

    void whilePublishing(Consumer<OutboxMessage> action) {
        this.whilePublishing = action;
    }

    List<String> publishedIds() {
        return published.stream().map(OutboxMessage::messageId).toList();
    }

    @Override
    public void publish(OutboxMessage event) {
        if (unavailable.test(event)) {
            throw new org.peersupport.platform.messaging.BrokerUnavailableException(event.type(), event.messageId());
        }
        if (refuse.test(event)) {
            throw new IllegalStateException("broker did not take " + event.messageId());
        }
        whilePublishing.accept(event);
        published.add(event);
    }
}
