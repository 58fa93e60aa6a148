package org.peersupport.matching.domain;

import java.util.Set;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;

/** Requests: by default a Lakeside nurse, English, by phone, own hospital, of unit "icu", not urgent. */
final class MatchRequestMother {

    static final String REQUESTER = "rq-requester-1";

    private String requestId = "r1";
    private String hospitalId = "lakeside";
    private ClinicalRole role = ClinicalRole.NURSE;
    private Modality modality = Modality.PHONE;
    private String language = "en";
    private boolean network;
    private String unit = "icu";
    private boolean sameUnitAllowed;
    private Set<String> involvedEventRefs = Set.of();
    private Set<String> excludedSupporterIds = Set.of();
    private boolean sameRolePreferred = true;
    private boolean urgent;

    static MatchRequestMother nurse() {
        return new MatchRequestMother();
    }

    static MatchRequest nurseAtLakeside() {
        return nurse().build();
    }

    MatchRequestMother id(String value) {
        requestId = value;
        return this;
    }

    MatchRequestMother role(ClinicalRole value) {
        role = value;
        return this;
    }

    MatchRequestMother modality(Modality value) {
        modality = value;
        return this;
    }

    MatchRequestMother language(String value) {
        language = value;
        return this;
    }

    MatchRequestMother network() {
        network = true;
        return this;
    }

    MatchRequestMother unit(String value) {
        unit = value;
        return this;
    }

    MatchRequestMother sameUnitAllowed() {
        sameUnitAllowed = true;
        return this;
    }

    MatchRequestMother involvedIn(String... eventRefs) {
        involvedEventRefs = Set.of(eventRefs);
        return this;
    }

    MatchRequestMother excluding(String... supporterIds) {
        excludedSupporterIds = Set.of(supporterIds);
        return this;
    }

    MatchRequestMother anyRole() {
        sameRolePreferred = false;
        return this;
    }

    MatchRequestMother urgent() {
        urgent = true;
        return this;
    }

    MatchRequest build() {
        return new MatchRequest(requestId, hospitalId, REQUESTER, role, modality, language, network, unit,
                sameUnitAllowed, involvedEventRefs, excludedSupporterIds, sameRolePreferred, urgent);
    }
}
