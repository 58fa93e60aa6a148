package org.peersupport.intake.application;

import org.peersupport.events.CaseClosed;
import org.peersupport.intake.persistence.OpenRequests;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.messaging.TrustPolicy;
import org.peersupport.platform.outbox.AggregateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Follow-up closed the case of a request: its requester's one open request is released, so they may ask again.
 * Releasing is conditional on that request still holding the place, so a redelivery, or a close after the requester
 * withdrew and asked anew, frees nothing it should not.
 */
@Service
public class CaseClosures {

    private static final Logger log = LoggerFactory.getLogger(CaseClosures.class);

    private final AggregateStore<RequestDocument> requests;
    private final OpenRequests open;

    public CaseClosures(AggregateStore<RequestDocument> requests, OpenRequests open) {
        this.requests = requests;
        this.open = open;
    }

    public void onCaseClosed(CaseClosed event) {
        requests.find(event.caseId()).map(RequestDocument::toDomain).ifPresent(request -> {
            // Follow-up closes only its own hospital's cases; a close naming another hospital is forged.
            TrustPolicy.requireSameHospital(event, request.hospitalId());
            open.release(request.requesterRef(), request.id());
            log.info("request {}: case closed, requester's place freed", request.id());
        });
    }
}
