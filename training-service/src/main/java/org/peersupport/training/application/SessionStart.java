package org.peersupport.training.application;

import java.time.Clock;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.peersupport.training.domain.Session;
import org.peersupport.training.persistence.SessionDocument;
import org.springframework.stereotype.Component;

/** A session's start: its seats and the seats taken, final now, go out for the network's workshop fill. */
@Component
public class SessionStart implements TimerHandler {

    private final AggregateStore<SessionDocument> store;
    private final Clock clock;

    public SessionStart(AggregateStore<SessionDocument> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String type() {
        return Session.START_TIMER;
    }

    @Override
    public void fire(TimerTask timer) {
        store.apply(timer.aggregateId(), timer.id(), (Session current) -> current.start(clock.instant()));
    }
}
