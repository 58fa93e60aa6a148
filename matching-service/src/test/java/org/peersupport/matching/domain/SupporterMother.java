package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;

final class SupporterMother {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant CERTIFIED_UNTIL = NOW.plusSeconds(86_400 * 90);

    private SupporterMother() {
    }

    static Supporter nurse(String id) {
        return new Supporter(id, "lakeside", ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 3,
                CERTIFIED_UNTIL);
    }

    static Supporter physician(String id) {
        return new Supporter(id, "lakeside", ClinicalRole.PHYSICIAN, List.of("en"), List.of(Modality.PHONE), 3,
                CERTIFIED_UNTIL);
    }

    static Supporter ofRole(String id, ClinicalRole role) {
        return new Supporter(id, "lakeside", role, List.of("en"), List.of(Modality.PHONE), 3, CERTIFIED_UNTIL);
    }

    static Supporter lapsed(String id) {
        return new Supporter(id, "lakeside", ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 3,
                NOW.minusSeconds(1));
    }

    static Supporter ofHospital(String id, String hospital) {
        return new Supporter(id, hospital, ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 3,
                NOW.plusSeconds(86_400));
    }

    /** A nurse of another hospital who takes the network's requests. */
    static Supporter networkNurse(String id, String hospital) {
        return networkNurseOfUnit(id, hospital, null);
    }

    static Supporter networkNurseOfUnit(String id, String hospital, String unit) {
        return new Supporter(id, hospital, ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 3,
                CERTIFIED_UNTIL, unit, true);
    }

    static Supporter nurseOfUnit(String id, String unit) {
        return new Supporter(id, "lakeside", ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 3,
                CERTIFIED_UNTIL, unit, false);
    }

    static Supporter nurseSpeaking(String id, String... languages) {
        return new Supporter(id, "lakeside", ClinicalRole.NURSE, List.of(languages), List.of(Modality.PHONE), 3,
                CERTIFIED_UNTIL);
    }

    static Supporter nurseMeetingBy(String id, Modality... modalities) {
        return new Supporter(id, "lakeside", ClinicalRole.NURSE, List.of("en"), List.of(modalities), 3,
                CERTIFIED_UNTIL);
    }
}
