package org.peersupport.training.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.platform.security.Caller;
import org.peersupport.training.application.RosterService;
import org.peersupport.training.domain.Profile;
import org.peersupport.training.domain.RosterEntry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A hospital's roster for its coordinator; nominations, approval and profiles. */
@RestController
class RosterController {

    private final RosterService roster;

    RosterController(RosterService roster) {
        this.roster = roster;
    }

    @GetMapping("/api/hospitals/{hospitalId}/supporters")
    List<RosterView> roster(@PathVariable String hospitalId) {
        return roster.rosterOf(Caller.current(), hospitalId).stream().map(RosterView::of).toList();
    }

    @PostMapping("/api/hospitals/{hospitalId}/nominations")
    ResponseEntity<RosterView> nominate(@PathVariable String hospitalId, @Valid @RequestBody NominationBody body) {
        RosterEntry entry = roster.nominate(Caller.current(), hospitalId, body.staffId(), body.displayName(),
                body.profile().toProfile(), body.yearsOfExperience());
        return ResponseEntity.created(URI.create("/api/hospitals/" + hospitalId + "/supporters/"
                + entry.supporterId())).body(RosterView.of(entry));
    }

    @PostMapping("/api/hospitals/{hospitalId}/supporters/{supporterId}/approval")
    RosterView approve(@PathVariable String hospitalId, @PathVariable String supporterId) {
        return RosterView.of(roster.approve(Caller.current(), hospitalId, supporterId));
    }

    @PutMapping("/api/hospitals/{hospitalId}/supporters/{supporterId}/profile")
    RosterView profile(@PathVariable String hospitalId, @PathVariable String supporterId,
            @Valid @RequestBody ProfileBody body) {
        return RosterView.of(roster.updateProfile(Caller.current(), hospitalId, supporterId, body.toProfile()));
    }

    /** A nomination; {@code staffId} absent means the caller nominates themselves. */
    record NominationBody(
            @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "must be a staff id") String staffId,
            @Size(max = 100, message = "at most 100 characters") String displayName,
            @NotNull @Min(0) @Max(70) Integer yearsOfExperience,
            @NotNull @Valid ProfileBody profile) {

        @Override
        public String toString() {
            return "NominationBody[redacted]";
        }
    }

    record ProfileBody(@NotNull ClinicalRole role,
            @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be a unit code") String unit,
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Pattern(regexp = "[a-z]{2,3}",
                    message = "must be an ISO 639 language code such as 'en'") String> languages,
            @NotNull @Size(min = 1, max = 3) List<@NotNull Modality> modalities,
            Boolean takesNetworkRequests,
            @NotNull @Min(1) @Max(20) Integer capacity) {

        Profile toProfile() {
            return new Profile(role, unit, languages, modalities, Boolean.TRUE.equals(takesNetworkRequests), capacity);
        }
    }

    record RosterView(String supporterId, String displayName, String status, String nominatedBy, String role,
            String unit, List<String> languages, List<Modality> modalities, boolean takesNetworkRequests,
            int capacity, Instant certifiedUntil) {

        static RosterView of(RosterEntry e) {
            return new RosterView(e.supporterId(), e.displayName(), e.status().name(),
                    e.nominatedBy() == null ? null : e.nominatedBy().name(), e.role().name(), e.unit(),
                    e.languages(), e.modalities(), e.takesNetworkRequests(), e.capacity(), e.certifiedUntil());
        }
    }
}
