package org.peersupport.followup.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.peersupport.events.CheckInOutcome;
import org.peersupport.events.ClosureReason;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.FirstContactMade;
import org.peersupport.events.ReferralCategory;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SlaBreached;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.followup.domain.SupportCase;
import org.peersupport.followup.persistence.CaseDocument;
import org.peersupport.followup.persistence.OpenCases;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.InvalidValue;
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

/**
 * Opens a case when a supporter is assigned and carries it to its end: the supporter's first contact, check-in
 * outcomes, referrals and closure; the first-contact clock, the check-ins and their grace periods run on durable
 * timers (this service handles the check-in timers; {@link FirstContactTimer} and {@link CheckInGraceTimer} the
 * others). Each step is one decision of {@link SupportCase}, stored with its events and timers in one write.
 */
@Service
public class FollowupService implements TimerHandler {

    private static final Logger log = LoggerFactory.getLogger(FollowupService.class);

    private final AggregateStore<CaseDocument> cases;
    private final OpenCases open;
    private final FollowupProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public FollowupService(AggregateStore<CaseDocument> cases, OpenCases open, FollowupProperties properties,
            Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.cases = cases;
        this.open = open;
        this.properties = properties;
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
                Boolean.TRUE.equals(event.urgent()), clock.instant(), properties.settingsFor(event.hospitalId()));
        // Listed first, so no open case is ever missing from its lists (readers pass over one never stored).
        open.add(event.hospitalId(), event.supporterId(), event.requestId());
        if (cases.insert(new CaseDocument(decision.state()), event.eventId(), decision)) {
            log.info("case {} opened", event.requestId());
        }
    }

    /**
     * The requester withdrew: the case closes ({@code CaseClosed}, reason WITHDRAWN) and no timer of it does anything
     * any more. When the withdrawal comes before the assignment (they travel on different topics), a closed case is
     * stored in its place, so the late assignment finds it and opens nothing.
     */
    public void onRequestWithdrawn(RequestWithdrawn event) {
        Applied<SupportCase> applied = cases.apply(event.requestId(), event.eventId(), (SupportCase current) -> {
            TrustPolicy.requireSameHospital(event, current.hospitalId());
            return current.withdrawn(clock.instant());
        });
        unlistIfClosed(applied);
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

    /** The hospital's open cases, oldest first, for its coordinator. */
    public List<SupportCase> openCasesOf(Caller caller, String hospitalId) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        return open.ofHospital(hospitalId);
    }

    /** The caller's own open cases, oldest first. */
    public List<SupportCase> myOpenCases(Caller caller) {
        caller.require(Role.SUPPORTER);
        return open.ofSupporter(caller.subject()).stream()
                .filter(c -> caller.hospitalId().map(c.hospitalId()::equals).orElse(false)).toList();
    }

    /** The case's supporter reached the person: the first-contact clock stops and the check-ins start. */
    public SupportCase recordFirstContact(Caller caller, String hospitalId, String caseId) {
        SupportCase current = ownCase(caller, hospitalId, caseId);
        SupportCase result = decide(caseId, c -> c.firstContact(clock.instant(),
                properties.settingsFor(current.hospitalId())));
        log.info("case {}: first contact recorded", caseId);
        return result;
    }

    /** The case's supporter records what came of a due check-in. */
    public SupportCase recordCheckIn(Caller caller, String hospitalId, String caseId, int number,
            CheckInOutcome outcome) {
        ownCase(caller, hospitalId, caseId);
        SupportCase result = decide(caseId, c -> c.recordCheckIn(number, outcome, clock.instant()));
        log.info("case {}: check-in {} recorded", caseId, number);
        return result;
    }

    /** The case's supporter refers the person on, to a category of the hospital's referral directory. */
    public SupportCase refer(Caller caller, String hospitalId, String caseId, ReferralCategory category) {
        ownCase(caller, hospitalId, caseId);
        boolean listed = properties.referralsFor(hospitalId).stream().anyMatch(s -> s.category() == category);
        if (!listed) {
            throw new InvalidValue("category", "not in this hospital's referral directory");
        }
        SupportCase result = decide(caseId, c -> c.refer(category, clock.instant()));
        log.info("case {}: referral made", caseId);
        return result;
    }

    /** The case's supporter, or a coordinator of its hospital, closes it. */
    public SupportCase close(Caller caller, String hospitalId, String caseId) {
        SupportCase found = caseFor(caller, hospitalId, caseId);
        boolean supporter = caller.subject().equals(found.supporterId());
        ClosureReason reason = supporter ? ClosureReason.BY_SUPPORTER : ClosureReason.BY_COORDINATOR;
        SupportCase result = decide(caseId, c -> c.close(reason, clock.instant()));
        log.info("case {} closed", caseId);
        return result;
    }

    /** Marks the case's one feedback link taken by its supporter; refused when there is none (any more). */
    SupportCase takeFeedbackLink(Caller caller, String hospitalId, String caseId) {
        ownCase(caller, hospitalId, caseId);
        return decide(caseId, SupportCase::takeFeedbackLink);
    }

    /** The referral directory of a hospital, for anyone of it. */
    public List<FollowupProperties.ReferralService> referralDirectory(Caller caller, String hospitalId) {
        caller.requireHospital(hospitalId);
        return properties.referralsFor(hospitalId);
    }

    private SupportCase ownCase(Caller caller, String hospitalId, String caseId) {
        caller.require(Role.SUPPORTER).requireHospital(hospitalId);
        return cases.find(caseId).map(CaseDocument::toDomain)
                .filter(c -> c.hospitalId().equals(hospitalId))
                .filter(c -> caller.subject().equals(c.supporterId()))
                .orElseThrow(() -> new NotFoundException("Case"));
    }

    /** A caller's decision on a case, with no cause id (an HTTP call); the state it leaves. */
    private SupportCase decide(String caseId, Function<SupportCase, Decision<SupportCase>> decision) {
        Applied<SupportCase> applied = cases.apply(caseId, null, decision);
        measure(applied);
        if (!applied.found()) {
            throw new NotFoundException("Case");
        }
        unlistIfClosed(applied);
        return cases.find(caseId).map(CaseDocument::toDomain).orElseThrow(() -> new NotFoundException("Case"));
    }

    @Override
    public String type() {
        return SupportCase.CHECK_IN_TIMER;
    }

    /** Idempotent by timer id: a timer that fires again after a crash finds itself handled. */
    @Override
    public void fire(TimerTask timer) {
        int number = SupportCase.checkInNumber(timer.payload(), timer.id());
        cases.apply(timer.aggregateId(), timer.id(), (SupportCase supportCase) -> supportCase.checkInDue(number,
                clock.instant(), properties.settingsFor(supportCase.hospitalId())));
    }

    /** The first-contact clock of a case ran out. */
    void firstContactClockRanOut(TimerTask timer) {
        measure(cases.apply(timer.aggregateId(), timer.id(),
                (SupportCase supportCase) -> supportCase.firstContactClockRanOut(clock.instant())));
    }

    /**
     * The business metrics of what a written decision published, each once (a repeat is ALREADY_HANDLED and writes
     * nothing). Tagged by hospital only, never by case, supporter or requester.
     */
    private void measure(Applied<SupportCase> applied) {
        if (applied.changedTo().isEmpty()) {
            return;
        }
        SupportCase decided = applied.changedTo().get();
        for (DomainEvent event : applied.decision().get().events()) {
            if (event instanceof FirstContactMade contact && !contact.occurredAt().isBefore(decided.openedAt())) {
                Timer.builder("peersupport.followup.time_to_first_contact")
                        .description("from a case's opening to its supporter's first contact")
                        .tag("hospital", contact.hospitalId())
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMinutes(1))
                        .maximumExpectedValue(Duration.ofDays(3))
                        .register(meters)
                        .record(Duration.between(decided.openedAt(), contact.occurredAt()));
            } else if (event instanceof SlaBreached breach) {
                Counter.builder("peersupport.followup.sla_breaches")
                        .description("service-level clocks of cases that ran out")
                        .tag("hospital", breach.hospitalId())
                        .tag("clock", breach.clock().name())
                        .register(meters)
                        .increment();
            }
        }
    }

    /** The grace period of a check-in ended. */
    void checkInGraceOver(TimerTask timer) {
        int number = SupportCase.checkInNumber(timer.payload(), timer.id());
        unlistIfClosed(cases.apply(timer.aggregateId(), timer.id(),
                (SupportCase supportCase) -> supportCase.checkInGraceOver(number, clock.instant())));
    }

    /** A case that this step closed leaves the lists of open cases. */
    private void unlistIfClosed(Applied<SupportCase> applied) {
        applied.changedTo().filter(c -> !c.isOpen())
                .ifPresent(closed -> open.remove(closed.hospitalId(), closed.supporterId(), closed.id()));
    }
}
