package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;

/**
 * A peer supporter in the pool, as training last certified them.
 *
 * @param unit the supporter's unit (an opaque id), null when training did not say
 * @param takesNetworkRequests the supporter also supports requesters of other hospitals of the network
 */
public record Supporter(String id, String hospitalId, ClinicalRole role, List<String> languages,
        List<Modality> modalities, int capacity, Instant certifiedUntil, String unit, boolean takesNetworkRequests) {

    public Supporter {
        languages = languages == null ? List.of() : List.copyOf(languages);
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
    }

    /** A supporter of their own hospital only, unit unknown (what an older certification says). */
    public Supporter(String id, String hospitalId, ClinicalRole role, List<String> languages, List<Modality> modalities,
            int capacity, Instant certifiedUntil) {
        this(id, hospitalId, role, languages, modalities, capacity, certifiedUntil, null, false);
    }

    /**
     * The supporter after training said, {@code at}, that the certification ending at {@code lapsedUntil} ran out: no
     * longer current from then. Null when that certification is not the one held (renewed since), so a lapse never
     * undoes a later renewal.
     */
    public Supporter lapsed(Instant lapsedUntil, Instant at) {
        if (certifiedUntil != null && lapsedUntil != null && certifiedUntil.isAfter(lapsedUntil)) {
            return null;
        }
        Instant end = lapsedUntil == null || at.isBefore(lapsedUntil) ? at : lapsedUntil;
        return new Supporter(id, hospitalId, role, languages, modalities, capacity, end, unit, takesNetworkRequests);
    }

    public boolean isCurrent(Instant now) {
        return certifiedUntil != null && certifiedUntil.isAfter(now);
    }
}
