package org.peersupport.training.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.peersupport.platform.security.Caller;
import org.peersupport.training.application.CommunityService;
import org.peersupport.training.domain.Audience;
import org.peersupport.training.domain.MemberHospital;
import org.peersupport.training.domain.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The community's member hospitals and its compendium of shared resources. */
@RestController
class CommunityController {

    private final CommunityService community;

    CommunityController(CommunityService community) {
        this.community = community;
    }

    @PostMapping("/api/hospitals")
    ResponseEntity<MemberHospital> addMember(@Valid @RequestBody MemberBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(community.addMember(Caller.current(), body.hospitalId(),
                body.name(), body.coordinatorIds()));
    }

    @GetMapping("/api/hospitals")
    List<MemberHospital> members() {
        return community.members(Caller.current());
    }

    @PostMapping("/api/hospitals/{hospitalId}/resources")
    ResponseEntity<Resource> share(@PathVariable String hospitalId, @Valid @RequestBody ResourceBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(community.share(Caller.current(), hospitalId,
                body.title(), body.url(), body.tags(), body.visibleTo()));
    }

    @GetMapping("/api/resources")
    List<Resource> search(@RequestParam(required = false) @Size(max = 32) String tag,
            @RequestParam(name = "q", required = false) @Size(max = 100) String text) {
        return community.search(Caller.current(), tag, text);
    }

    record MemberBody(@NotNull String hospitalId, @NotNull String name, List<String> coordinatorIds) {
    }

    record ResourceBody(@NotNull String title, @NotNull String url, List<String> tags, Audience visibleTo) {
    }
}
