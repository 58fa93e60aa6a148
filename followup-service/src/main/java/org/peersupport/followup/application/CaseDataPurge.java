package org.peersupport.followup.application;

import org.peersupport.events.CaseDataPurged;
import org.peersupport.followup.persistence.CaseTraces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Intake's retention period for a request is over: its case keeps only what the program's figures need (ids,
 * hospital, supporter, times, counts, status; see {@code CaseTraces.KEPT}), and loses anything else it recorded.
 * The case itself stays, closed, so a late event about the request opens nothing again.
 */
@Service
public class CaseDataPurge {

    private static final Logger log = LoggerFactory.getLogger(CaseDataPurge.class);

    private final CaseTraces traces;

    CaseDataPurge(CaseTraces traces) {
        this.traces = traces;
    }

    public void onCaseDataPurged(CaseDataPurged event) {
        if (traces.purgeFor(event)) {
            log.info("case {} purged", event.requestId());
        }
    }
}
