package org.peersupport.training.web;

import java.time.Instant;
import java.util.List;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.training.application.RosterService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A hospital's roster, for its coordinator. */
@RestController
class RosterController {

    private final RosterService roster;

    RosterController(RosterService roster) {
        this.roster = roster;
    }

    @GetMapping("/api/hospitals/{hospitalId}/supporters")
    List<RosterView> roster(@PathVariable String hospitalId) {
        Caller.current().require(Role.COORDINATOR).requireHospital(hospitalId);
        return roster.rosterOf(hospitalId).stream()
                .map(e -> new RosterView(e.supporterId(), e.displayName(), e.role().name(), e.certifiedUntil()))
                .toList();
    }

    record RosterView(String supporterId, String displayName, String role, Instant certifiedUntil) {
    }
}
