package org.peersupport.followup.application;

import java.time.Clock;
import java.util.Optional;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.followup.domain.CheckInSchedule;
import org.peersupport.followup.domain.SupportCase;
import org.peersupport.followup.persistence.CaseDocument;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.messaging.TrustPolicy;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.Applied;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.peersupport.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Opens a case when a supporter is assigned, and turns each due check-in timer into a {@code CheckInDue}. */
@Service
public class FollowupService implements TimerHandler {

    private static final Logger log = LoggerFactory.getLogger(FollowupService.class);

    private final AggregateStore<CaseDocument> cases;
    private final CheckInSchedule schedule;
    private final Clock clock;

    public FollowupService(AggregateStore<CaseDocument> cases, FollowupProperties properties, Clock clock) {
        this.cases = cases;
        this.schedule = new CheckInSchedule(properties.checkInSchedule());
        this.clock = clock;
    }

    /** One case per request: a redelivered assignment finds the case already there and changes nothing. */
    public void onSupporterAssigned(SupporterAssigned event) {
        Optional<CaseDocument> existing = cases.find(event.requestId());
        if (existing.isPresent()) {
            // A case stays in its hospital: an assignment of the same request naming another one is forged.
            TrustPolicy.requireSameHospital(event, existing.get().toDomain().hospitalId());
            return;
        }
        Decision<SupportCase> decision = SupportCase.open(event.requestId(), event.hospitalId(), event.supporterId(),
                clock.instant(), schedule);
        if (cases.insert(new CaseDocument(decision.state()), event.eventId(), decision)) {
            log.info("case {} opened", event.requestId());
        }
    }

    /**
     * The requester withdrew: the case closes and no check-in falls due any more. When the withdrawal comes before
     * the assignment (they travel on different topics), a closed case is stored in its place, so the late assignment
     * finds it and opens nothing.
     */
    public void onRequestWithdrawn(RequestWithdrawn event) {
        Applied<SupportCase> applied = cases.apply(event.requestId(), event.eventId(), (SupportCase current) -> {
            TrustPolicy.requireSameHospital(event, current.hospitalId());
            return current.withdrawn();
        });
        if (applied.found()) {
            log.info("case {} closed: request withdrawn", event.requestId());
            return;
        }
        Decision<SupportCase> closed = SupportCase.withdrawnBeforeOpening(event.requestId(), event.hospitalId(),
                clock.instant());
        if (cases.insert(new CaseDocument(closed.state()), event.eventId(), closed)) {
            log.info("case {} closed before opening: request withdrawn", event.requestId());
        } else {
            // The assignment opened the case in between: close that one.
            onRequestWithdrawn(event);
        }
    }

    /** A case, for its supporter or a coordinator of its hospital; anyone else learns nothing. */
    public SupportCase caseFor(Caller caller, String hospitalId, String caseId) {
        caller.requireHospital(hospitalId);
        return cases.find(caseId).map(CaseDocument::toDomain)
                .filter(c -> c.hospitalId().equals(hospitalId))
                .filter(c -> caller.has(Role.COORDINATOR) || caller.subject().equals(c.supporterId()))
                .orElseThrow(() -> new NotFoundException("Case"));
    }

    @Override
    public String type() {
        return SupportCase.CHECK_IN_TIMER;
    }

    /** Idempotent by timer id: a timer that fires again after a crash finds itself handled. */
    @Override
    public void fire(TimerTask timer) {
        int number = SupportCase.checkInNumber(timer.payload(), timer.id());
        cases.apply(timer.aggregateId(), timer.id(),
                (SupportCase supportCase) -> supportCase.checkInDue(number, clock.instant(), schedule));
    }
}
