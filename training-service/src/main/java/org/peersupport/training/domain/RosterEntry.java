package org.peersupport.training.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.SupporterCertified;

/**
 * A peer supporter on a hospital's roster. The display name stays in training; events name the supporter by id only.
 * Certification needs at least two years of clinical experience (seed 002).
 */
public record RosterEntry(String supporterId, String hospitalId, String displayName, ClinicalRole role,
        int yearsOfExperience, List<String> languages, List<Modality> modalities, int capacity,
        Instant certifiedUntil) {

    public static final int MINIMUM_YEARS_OF_EXPERIENCE = 2;

    public RosterEntry {
        languages = List.copyOf(languages);
        modalities = List.copyOf(modalities);
        if (yearsOfExperience < MINIMUM_YEARS_OF_EXPERIENCE) {
            throw new IllegalArgumentException("a supporter needs at least " + MINIMUM_YEARS_OF_EXPERIENCE
                    + " years of experience");
        }
    }

    public SupporterCertified certified(Instant now) {
        return new SupporterCertified(UUID.randomUUID().toString(), now, hospitalId, supporterId, role, languages,
                modalities, capacity, certifiedUntil);
    }
}
