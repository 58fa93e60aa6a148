package org.peersupport.matching.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.peersupport.matching.application.CandidatesView;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.matching.domain.Explanation;
import org.peersupport.matching.domain.HardRule;
import org.peersupport.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A hospital coordinator's queue of requests without a supporter, matching's explanations, and assigning by hand. */
@RestController
class QueueController {

    private final MatchingService matching;

    QueueController(MatchingService matching) {
        this.matching = matching;
    }

    @GetMapping("/api/hospitals/{hospitalId}/queue")
    List<RequestEntry> queue(@PathVariable String hospitalId) {
        return matching.queueOf(Caller.current(), hospitalId).stream().map(RequestEntry::of).toList();
    }

    @GetMapping("/api/hospitals/{hospitalId}/requests/{requestId}/candidates")
    CandidatesEntry candidates(@PathVariable String hospitalId, @PathVariable String requestId) {
        CandidatesView view = matching.candidatesFor(Caller.current(), hospitalId, requestId);
        return new CandidatesEntry(RequestEntry.of(view.assignment()),
                view.candidates().stream().map(CandidateEntry::of).toList());
    }

    @PostMapping("/api/hospitals/{hospitalId}/requests/{requestId}/assignment")
    RequestEntry assign(@PathVariable String hospitalId, @PathVariable String requestId,
            @Valid @RequestBody AssignBody body) {
        return RequestEntry.of(matching.assignByHand(Caller.current(), hospitalId, requestId, body.supporterId()));
    }

    record AssignBody(@NotBlank @Size(max = 128) String supporterId) {
    }

    /**
     * A request as matching holds it: who has the offer or the case, how many offers failed, and why the current
     * supporter was chosen. No requester, only the request's id.
     */
    record RequestEntry(String requestId, Assignment.Status status, String supporterId, boolean escalated,
            Instant offeredUntil, int failedOffers, Instant decidedAt, CandidateEntry why) {

        static RequestEntry of(Assignment assignment) {
            return new RequestEntry(assignment.request().requestId(), assignment.status(), assignment.supporterId(),
                    assignment.escalated(), assignment.offeredUntil(), assignment.passedOver().size(),
                    assignment.decidedAt(), assignment.why() == null ? null : CandidateEntry.of(assignment.why()));
        }
    }

    record CandidatesEntry(RequestEntry request, List<CandidateEntry> candidates) {
    }

    /** One supporter explained: rules by name, score parts, fairness figures. */
    record CandidateEntry(String supporterId, boolean eligible, List<HardRule> passed, List<HardRule> failed,
            boolean passedOver, int roleScore, int modalityScore, int continuityScore, int score, long activeCases,
            long openOffers, Instant lastAssignedAt) {

        static CandidateEntry of(Explanation why) {
            return new CandidateEntry(why.supporterId(), why.eligible(), why.passed(),
                    why.failed(), why.passedOver(), why.score().role(), why.score().modality(),
                    why.score().continuity(), why.score().total(), why.activeCases(), why.openOffers(),
                    why.lastAssignedAt());
        }
    }
}
