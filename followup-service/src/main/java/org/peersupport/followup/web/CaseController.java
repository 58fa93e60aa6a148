package org.peersupport.followup.web;

import java.time.Instant;
import org.peersupport.followup.application.FollowupService;
import org.peersupport.followup.domain.SupportCase;
import org.peersupport.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's follow-up state, for its supporter and the hospital's coordinator. */
@RestController
class CaseController {

    private final FollowupService followup;

    CaseController(FollowupService followup) {
        this.followup = followup;
    }

    @GetMapping("/api/hospitals/{hospitalId}/cases/{caseId}")
    CaseView get(@PathVariable String hospitalId, @PathVariable String caseId) {
        SupportCase found = followup.caseFor(Caller.current(), hospitalId, caseId);
        return new CaseView(found.id(), found.supporterId(), found.status().name(), found.openedAt(),
                found.checkInsDue());
    }

    record CaseView(String caseId, String supporterId, String status, Instant openedAt, int checkInsDue) {
    }
}
