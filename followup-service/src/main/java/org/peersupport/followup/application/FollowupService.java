package org.peersupport.followup.application;

import java.time.Clock;
import java.util.Optional;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.followup.domain.CheckInSchedule;
import org.peersupport.followup.domain.SupportCase;
import org.peersupport.followup.persistence.CaseDocument;
import org.peersupport.platform.messaging.EventCodec;
import org.peersupport.platform.messaging.TrustPolicy;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Opens a case when a supporter is assigned, and turns each due check-in timer into a {@code CheckInDue}. */
@Service
public class FollowupService implements TimerHandler {

    static final String CHECK_IN_TIMER = "followup.check-in";
    private static final Logger log = LoggerFactory.getLogger(FollowupService.class);

    private final AggregateStore<CaseDocument> cases;
    private final CheckInSchedule schedule;
    private final EventCodec codec;
    private final Clock clock;

    public FollowupService(AggregateStore<CaseDocument> cases, FollowupProperties properties, EventCodec codec,
            Clock clock) {
        this.cases = cases;
        this.schedule = new CheckInSchedule(properties.checkInSchedule());
        this.codec = codec;
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
        SupportCase.Decision decision = SupportCase.open(event.requestId(), event.hospitalId(), event.supporterId(),
                clock.instant(), schedule);
        CaseDocument document = new CaseDocument(decision.supportCase());
        record(document, decision);
        document.markHandled(event.eventId());
        if (cases.insert(document)) {
            log.info("case {} opened", event.requestId());
        }
    }

    @Override
    public String type() {
        return CHECK_IN_TIMER;
    }

    /** Idempotent by timer id: a timer that fires again after a crash finds itself handled. */
    @Override
    public void fire(TimerTask timer) {
        int number = Integer.parseInt(timer.id().substring(timer.id().lastIndexOf(':') + 1));
        cases.update(timer.aggregateId(), document -> {
            if (!document.hasHandled(timer.id())) {
                SupportCase.Decision decision = document.toDomain().checkInDue(number, clock.instant(), schedule);
                document.apply(decision.supportCase());
                record(document, decision);
                document.markHandled(timer.id());
            }
            return null;
        });
    }

    private void record(CaseDocument document, SupportCase.Decision decision) {
        decision.events().forEach(event -> document.publish(event, codec));
        decision.timers().forEach(timer -> document.schedule(timer.id(document.getId()), CHECK_IN_TIMER,
                timer.dueAt(), decision.supportCase().hospitalId()));
    }
}
