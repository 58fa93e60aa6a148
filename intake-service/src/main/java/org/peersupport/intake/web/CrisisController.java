package org.peersupport.intake.web;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.ReasonCategory;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.Urgency;
import org.peersupport.intake.application.CrisisDirectory.CrisisResource;
import org.peersupport.intake.application.CrisisService;
import org.peersupport.intake.domain.CrisisFlag;
import org.peersupport.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Crisis resources for anyone of a hospital, and the hospital's crisis flags for its coordinator. */
@RestController
@RequestMapping("/api/hospitals/{hospitalId}")
class CrisisController {

    private final CrisisService crisis;

    CrisisController(CrisisService crisis) {
        this.crisis = crisis;
    }

    @GetMapping("/crisis-resources")
    List<CrisisResource> resources(@PathVariable String hospitalId) {
        return crisis.resources(Caller.current(), hospitalId);
    }

    /** The coordinator must call back, so they alone see the contact; it is never logged (see toString). */
    @GetMapping("/crisis-flags")
    List<FlagView> flags(@PathVariable String hospitalId) {
        return crisis.openFlags(Caller.current(), hospitalId).stream().map(FlagView::of).toList();
    }

    record FlagView(String flagId, Instant raisedAt, RequestOrigin origin, ClinicalRole requesterRole, String unit,
            ReasonCategory reasonCategory, Urgency urgency, String preferredLanguage, String name, String phone,
            String email, String contactMethod, String contactWindow) {

        static FlagView of(CrisisService.OpenFlag open) {
            CrisisFlag flag = open.flag();
            return new FlagView(flag.id(), flag.raisedAt(), flag.origin(), flag.details().requesterRole(),
                    flag.details().unit(), flag.details().reasonCategory(), flag.details().urgency(),
                    flag.details().preferredLanguage(), open.contact().name(), open.contact().phone(),
                    open.contact().email(), open.contact().method(), open.contact().window());
        }

        @Override
        public String toString() {
            return "FlagView[redacted]";
        }
    }
}
