package org.peersupport.training.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.SupporterCertified;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.InvalidValue;

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
            throw new InvalidValue("yearsOfExperience", "a supporter needs at least " + MINIMUM_YEARS_OF_EXPERIENCE
                    + " years of experience");
        }
    }

    /** Puts the supporter on the roster, and tells matching's pool. */
    public Decision<RosterEntry> certify(Instant now) {
        return Decision.to(this).publishing(new SupporterCertified(newEventId(), now, hospitalId, supporterId, role,
                languages, modalities, capacity, certifiedUntil));
    }
}
