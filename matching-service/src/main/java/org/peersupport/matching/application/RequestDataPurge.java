package org.peersupport.matching.application;

import org.peersupport.events.CaseDataPurged;
import org.peersupport.matching.persistence.RequestTraces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Intake's retention period for a request is over: matching forgets who asked (the requester's pseudonym, unit and
 * involvement on the request's answer, and the pseudonym in its supporters' histories, so continuity with that
 * requester ends too). What stays is what the coordinator's figures need: role, modality, language, who took it,
 * when. Running it again changes nothing.
 */
@Service
public class RequestDataPurge {

    private static final Logger log = LoggerFactory.getLogger(RequestDataPurge.class);

    private final RequestTraces traces;

    RequestDataPurge(RequestTraces traces) {
        this.traces = traces;
    }

    public void onCaseDataPurged(CaseDataPurged event) {
        if (traces.purgeFor(event)) {
            log.info("request {} purged", event.requestId());
        }
    }
}
