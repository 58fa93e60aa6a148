package org.peersupport.intake.application;

import org.peersupport.intake.domain.Outreach;
import org.peersupport.intake.domain.Trigger;
import org.peersupport.intake.persistence.TriggerDocument;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.springframework.stereotype.Component;

/**
 * Ends a trigger's offers left unanswered, all on the trigger's one timer. Each offer remembers the timer's id, so the
 * timer firing again after a crash ends only those it had not reached; an answered offer stays as answered.
 */
@Component
class TriggerOffersExpiry implements TimerHandler {

    private final AggregateStore<TriggerDocument> triggers;
    private final OutreachService outreach;

    TriggerOffersExpiry(AggregateStore<TriggerDocument> triggers, OutreachService outreach) {
        this.triggers = triggers;
        this.outreach = outreach;
    }

    @Override
    public String type() {
        return Trigger.OFFERS_EXPIRY_TIMER;
    }

    @Override
    public void fire(TimerTask timer) {
        triggers.find(timer.aggregateId()).map(TriggerDocument::toDomain).ifPresent(trigger ->
                trigger.staffRefs().forEach(staffRef ->
                        outreach.expire(Outreach.triggerOfferId(trigger.id(), staffRef), timer.id())));
    }
}
