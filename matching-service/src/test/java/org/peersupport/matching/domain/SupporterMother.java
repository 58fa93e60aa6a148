package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;

final class SupporterMother {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private SupporterMother() {
    }

    static Supporter nurse(String id) {
        return new Supporter(id, "lakeside", ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 3,
                NOW.plusSeconds(86_400 * 90));
    }

    static Supporter physician(String id) {
        return new Supporter(id, "lakeside", ClinicalRole.PHYSICIAN, List.of("en"), List.of(Modality.PHONE), 3,
                NOW.plusSeconds(86_400 * 90));
    }

    static Supporter lapsed(String id) {
        return new Supporter(id, "lakeside", ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 3,
                NOW.minusSeconds(1));
    }

    static Supporter ofHospital(String id, String hospital) {
        return new Supporter(id, hospital, ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 3,
                NOW.plusSeconds(86_400));
    }
}
