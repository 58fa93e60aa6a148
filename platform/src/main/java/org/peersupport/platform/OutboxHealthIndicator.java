package org.peersupport.platform;

import org.peersupport.platform.outbox.OutboxRelay;
import org.peersupport.platform.timers.TimerStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * What the relay and the timers still owe, and what they parked. Parked work does not make the service unhealthy
 * (everything else goes on), but it is shown here and in the {@code peersupport.*.parked} gauges for an operator.
 */
class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxRelay relay;
    private final TimerStore timers;

    OutboxHealthIndicator(OutboxRelay relay, TimerStore timers) {
        super("outbox check failed");
        this.relay = relay;
        this.timers = timers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("pendingDocuments", relay.pendingCount())
                .withDetail("parkedDocuments", relay.parkedCount())
                .withDetail("parkedTimers", timers.countParked());
    }
}
