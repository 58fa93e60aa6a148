package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;

/** A peer supporter in the pool, as training last certified them. */
public record Supporter(String id, String hospitalId, ClinicalRole role, List<String> languages,
        List<Modality> modalities, int capacity, Instant certifiedUntil) {

    public boolean isCurrent(Instant now) {
        return certifiedUntil != null && certifiedUntil.isAfter(now);
    }
}
