package org.peersupport.intake.application;

import java.time.Clock;
import java.util.Optional;
import org.peersupport.events.CaseClosed;
import org.peersupport.intake.domain.SupportRequest;
import org.peersupport.intake.persistence.OpenRequests;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.messaging.TrustPolicy;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.Applied;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The end of a request and its purge: a closed case ends its request (no supporter holds it, the requester may ask
 * again) and starts the hospital's retention period, as a withdrawal does ({@link RequestService#withdraw}); the
 * request's durable purge timer then destroys the contact's data key and purges the request, and
 * {@code CaseDataPurged} tells the other services to purge theirs.
 */
@Service
public class RetentionService implements TimerHandler {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final AggregateStore<RequestDocument> requests;
    private final OpenRequests open;
    private final ContactSealer sealer;
    private final RetentionProperties retention;
    private final Clock clock;

    RetentionService(AggregateStore<RequestDocument> requests, OpenRequests open, ContactSealer sealer,
            RetentionProperties retention, Clock clock) {
        this.requests = requests;
        this.open = open;
        this.sealer = sealer;
        this.retention = retention;
        this.clock = clock;
    }

    /** The case's id is its request's; a close after the requester withdrew changes nothing but freeing the place. */
    public void onCaseClosed(CaseClosed event) {
        Applied<SupportRequest> applied = requests.apply(event.caseId(), event.eventId(),
                (SupportRequest request) -> {
                    // Follow-up closes only its own hospital's cases; a closure naming another hospital is forged.
                    TrustPolicy.requireSameHospital(event, request.hospitalId());
                    return request.closed(event.occurredAt(), retention.of(request.hospitalId()));
                });
        if (!applied.found()) {
            return;
        }
        // Also when it was closed already: the first delivery may have stopped before freeing the place.
        requests.find(event.caseId()).map(RequestDocument::toDomain)
                .filter(request -> !request.isOpen() && request.requesterRef() != null)
                .ifPresent(request -> open.release(request.requesterRef(), request.id()));
        applied.changedTo().ifPresent(closed -> log.info("request {} closed with its case", closed.id()));
    }

    @Override
    public String type() {
        return SupportRequest.PURGE_TIMER;
    }

    /**
     * Destroys the data key first, then purges the request in one write with its {@code CaseDataPurged}: a crash in
     * between fires the timer again, and both steps repeat without harm. An open request is never touched.
     */
    @Override
    public void fire(TimerTask timer) {
        Optional<SupportRequest> found = requests.find(timer.aggregateId()).map(RequestDocument::toDomain);
        if (found.isEmpty() || !found.get().purgeable()) {
            return;
        }
        SupportRequest request = found.get();
        if (request.requesterRef() != null) {
            open.release(request.requesterRef(), request.id());
        }
        sealer.destroy(RequestDocument.COLLECTION, request.id());
        Applied<SupportRequest> applied = requests.apply(request.id(), timer.id(),
                (SupportRequest current) -> current.purge(clock.instant()));
        applied.changedTo().ifPresent(purged -> log.info("request {} purged", purged.id()));
    }
}
