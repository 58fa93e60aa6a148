package org.peersupport.followup.web;

import java.time.Instant;
import org.peersupport.followup.domain.SupportCase;
import org.peersupport.followup.persistence.CaseDocument;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's follow-up state, for its supporter and the hospital's coordinator. */
@RestController
class CaseController {

    private final AggregateStore<CaseDocument> cases;

    CaseController(AggregateStore<CaseDocument> cases) {
        this.cases = cases;
    }

    @GetMapping("/api/hospitals/{hospitalId}/cases/{caseId}")
    CaseView get(@PathVariable String hospitalId, @PathVariable String caseId) {
        Caller caller = Caller.current().requireHospital(hospitalId);
        SupportCase found = cases.find(caseId).map(CaseDocument::toDomain)
                .filter(c -> c.hospitalId().equals(hospitalId))
                .filter(c -> caller.has(Role.COORDINATOR) || c.supporterId().equals(caller.subject()))
                .orElseThrow(() -> new NotFoundException("Case"));
        return new CaseView(found.id(), found.supporterId(), found.status().name(), found.openedAt(),
                found.checkInsDue());
    }

    record CaseView(String caseId, String supporterId, String status, Instant openedAt, int checkInsDue) {
    }
}
