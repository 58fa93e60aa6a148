package org.peersupport.intake.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.peersupport.events.ReasonCategory;
import org.peersupport.intake.application.OutreachService;
import org.peersupport.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supporter or coordinator refers a colleague, who gets an outreach offer. The answer is 202 and nothing else:
 * nothing about the colleague or the offer comes back, now or later.
 */
@RestController
@RequestMapping("/api/hospitals/{hospitalId}/referrals")
class ReferralController {

    private final OutreachService outreach;

    ReferralController(OutreachService outreach) {
        this.outreach = outreach;
    }

    @PostMapping
    ResponseEntity<Void> refer(@PathVariable String hospitalId, @Valid @RequestBody ReferralBody body) {
        outreach.refer(Caller.current(), hospitalId, body.colleagueStaffId(), body.reasonCategory());
        return ResponseEntity.accepted().build();
    }

    record ReferralBody(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "must be a staff id (1 to 64 letters, digits, '.', '_', '@' or '-')")
            String colleagueStaffId,
            ReasonCategory reasonCategory) {

        @Override
        public String toString() {
            return "ReferralBody[redacted]";
        }
    }
}
