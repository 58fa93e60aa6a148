package org.peersupport.followup.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.peersupport.events.CheckInOutcome;
import org.peersupport.events.ReferralCategory;
import org.peersupport.followup.application.FeedbackService;
import org.peersupport.followup.application.FollowupProperties;
import org.peersupport.followup.application.FollowupService;
import org.peersupport.followup.domain.CheckIn;
import org.peersupport.followup.domain.SupportCase;
import org.peersupport.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's follow-up, for its supporter (who records and closes) and the hospital's coordinator (who reads, and may
 * close); and the hospital's referral directory.
 */
@RestController
class CaseController {

    private final FollowupService followup;
    private final FeedbackService feedback;

    CaseController(FollowupService followup, FeedbackService feedback) {
        this.followup = followup;
        this.feedback = feedback;
    }

    @GetMapping("/api/hospitals/{hospitalId}/cases/{caseId}")
    CaseView get(@PathVariable String hospitalId, @PathVariable String caseId) {
        return CaseView.of(followup.caseFor(Caller.current(), hospitalId, caseId), null);
    }

    @GetMapping("/api/hospitals/{hospitalId}/cases")
    List<CaseView> openCases(@PathVariable String hospitalId) {
        return followup.openCasesOf(Caller.current(), hospitalId).stream().map(c -> CaseView.of(c, null)).toList();
    }

    @GetMapping("/api/cases")
    List<CaseView> myCases() {
        return followup.myOpenCases(Caller.current()).stream().map(c -> CaseView.of(c, null)).toList();
    }

    @PostMapping("/api/hospitals/{hospitalId}/cases/{caseId}/first-contact")
    CaseView firstContact(@PathVariable String hospitalId, @PathVariable String caseId) {
        return CaseView.of(followup.recordFirstContact(Caller.current(), hospitalId, caseId), null);
    }

    @PostMapping("/api/hospitals/{hospitalId}/cases/{caseId}/check-ins/{number}")
    CaseView checkIn(@PathVariable String hospitalId, @PathVariable String caseId, @PathVariable int number,
            @Valid @RequestBody OutcomeBody body) {
        return CaseView.of(followup.recordCheckIn(Caller.current(), hospitalId, caseId, number, body.outcome()), null);
    }

    @PostMapping("/api/hospitals/{hospitalId}/cases/{caseId}/referrals")
    CaseView refer(@PathVariable String hospitalId, @PathVariable String caseId,
            @Valid @RequestBody ReferralBody body) {
        return CaseView.of(followup.refer(Caller.current(), hospitalId, caseId, body.category()), null);
    }

    @PostMapping("/api/hospitals/{hospitalId}/cases/{caseId}/closure")
    CaseView close(@PathVariable String hospitalId, @PathVariable String caseId) {
        FeedbackService.Closure closure = feedback.close(Caller.current(), hospitalId, caseId);
        return CaseView.of(closure.closed(), closure.feedbackToken());
    }

    @PostMapping("/api/hospitals/{hospitalId}/cases/{caseId}/feedback-link")
    FeedbackLinkView feedbackLink(@PathVariable String hospitalId, @PathVariable String caseId) {
        return new FeedbackLinkView(feedback.takeLink(Caller.current(), hospitalId, caseId));
    }

    @GetMapping("/api/hospitals/{hospitalId}/referral-directory")
    List<FollowupProperties.ReferralService> referralDirectory(@PathVariable String hospitalId) {
        return followup.referralDirectory(Caller.current(), hospitalId);
    }

    record OutcomeBody(@NotNull CheckInOutcome outcome) {
    }

    record ReferralBody(@NotNull ReferralCategory category) {
    }

    record FeedbackLinkView(String feedbackToken) {

        @Override
        public String toString() {
            return "FeedbackLinkView[redacted]";
        }
    }

    record CheckInView(int number, Instant dueAt, CheckInOutcome outcome, boolean missed) {
    }

    /** A case as its supporter and coordinator see it; {@code feedbackToken} only in the closing supporter's answer. */
    record CaseView(String caseId, String supporterId, String status, Instant openedAt, Instant firstContactDueAt,
            Instant firstContactAt, boolean slaBreached, int checkInsDue, List<CheckInView> checkIns,
            List<ReferralCategory> referrals, String closedBecause, Instant closedAt, String feedbackToken) {

        static CaseView of(SupportCase found, String feedbackToken) {
            return new CaseView(found.id(), found.supporterId(), found.status().name(), found.openedAt(),
                    found.firstContactDueAt(), found.firstContactAt(), found.slaBreached(), found.checkInsDue(),
                    found.checkIns().stream().map(CaseView::view).toList(), found.referrals(),
                    found.closedBecause() == null ? null : found.closedBecause().name(), found.closedAt(),
                    feedbackToken);
        }

        private static CheckInView view(CheckIn checkIn) {
            return new CheckInView(checkIn.number(), checkIn.dueAt(), checkIn.outcome(), checkIn.missed());
        }

        @Override
        public String toString() {
            return "CaseView[" + caseId + ", redacted]";
        }
    }
}
