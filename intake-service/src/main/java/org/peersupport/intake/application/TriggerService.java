package org.peersupport.intake.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.peersupport.events.ReasonCategory;
import org.peersupport.intake.domain.Trigger;
import org.peersupport.intake.persistence.TriggerDocument;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.InvalidValue;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Hospital triggers, whichever door they came through (HTTPS JSON, FHIR, the trigger topic): one stored trigger per
 * hospital event, then one outreach offer per person it names. The fan-out runs on the trigger's own timer, so a
 * crash part-way is finished by the timer firing again, making the same offers (their ids are deterministic).
 */
@Service
public class TriggerService implements TimerHandler {

    private static final Logger log = LoggerFactory.getLogger(TriggerService.class);

    private final AggregateStore<TriggerDocument> triggers;
    private final OutreachService outreach;
    private final TriggerProperties properties;
    private final TriggerGate gate;
    private final Duration offerWindow;
    private final Clock clock;

    public TriggerService(AggregateStore<TriggerDocument> triggers, OutreachService outreach,
            TriggerProperties properties, OutreachProperties outreachProperties, Clock clock) {
        this.triggers = triggers;
        this.outreach = outreach;
        this.properties = properties;
        this.offerWindow = outreachProperties.expiresAfter();
        this.gate = new TriggerGate(properties.maxInvolvedStaff());
        this.clock = clock;
    }

    /** What became of a trigger: its id, and whether this report created it (false: the same event again). */
    public record Received(String triggerId, boolean created) {
    }

    /** The plain-JSON gate, for the doors that read plain JSON. */
    public TriggerGate gate() {
        return gate;
    }

    /**
     * A trigger posted over HTTPS: only a hospital system of that hospital may; {@code read} (the door's gate) runs
     * after that check, so another hospital's credential learns nothing about what it sent.
     */
    public Received report(Caller caller, String hospitalId, Supplier<TriggerGate.Passed> read) {
        caller.require(Role.HOSPITAL_SYSTEM).requireHospital(hospitalId);
        TriggerGate.Passed passed = read.get();
        if (passed.hospitalId() != null && !passed.hospitalId().equals(hospitalId)) {
            throw new InvalidValue("hospitalId", "must be the hospital of the path");
        }
        return receive(hospitalId, passed.report(), null);
    }

    /** A trigger from the topic, its producer already checked against the hospital; the record's id is its cause. */
    public Received onTopic(String hospitalId, TriggerReport report, String recordId) {
        return receive(hospitalId, report, recordId);
    }

    private Received receive(String hospitalId, TriggerReport report, String causeId) {
        String id = Trigger.idFor(hospitalId, report.hospitalEventId());
        List<String> staffRefs = report.involvedStaffIds().stream()
                .map(staffId -> outreach.staffRef(hospitalId, staffId)).toList();
        ReasonCategory category = report.category() == null ? ReasonCategory.ADVERSE_EVENT : report.category();
        Decision<Trigger> decision = Trigger.receive(id, hospitalId, report.occurredAt(), category, staffRefs,
                clock.instant(), offerWindow, properties.debriefThreshold());
        boolean created = triggers.insert(new TriggerDocument(decision.state()), causeId, decision);
        if (created) {
            log.info("trigger {} received naming {} staff", id, decision.state().staffRefs().size());
        } else {
            log.info("trigger {} received again: nothing more to do", id);
        }
        return new Received(id, created);
    }

    @Override
    public String type() {
        return Trigger.FAN_OUT_TIMER;
    }

    /** Makes every offer of the trigger (those made before a crash are found, not made again), then says so. */
    @Override
    public void fire(TimerTask timer) {
        Trigger trigger = triggers.find(timer.aggregateId()).map(TriggerDocument::toDomain).orElse(null);
        if (trigger == null) {
            return;
        }
        if (trigger.status() == Trigger.Status.FANNING_OUT) {
            int made = outreach.offerEach(trigger);
            log.info("trigger {}: {} offers made, {} found made already", trigger.id(), made,
                    trigger.staffRefs().size() - made);
        }
        triggers.apply(trigger.id(), timer.id(), (Trigger current) -> current.fannedOut());
    }
}
