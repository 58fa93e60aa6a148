package org.peersupport.events;

import java.time.Instant;
import java.util.List;

/**
 * A trained peer supporter is certified and current until {@code certifiedUntil}; matching's pool is built from these.
 * Training publishes it again, whole, when the certification is renewed or the profile changes, so the latest one is
 * the supporter as matching should see them.
 *
 * @param unit the supporter's unit (an opaque code such as {@code ICU-4}); null when not given (added later)
 * @param takesNetworkRequests the supporter also supports requesters of other hospitals of the network; null when not
 *     given (added later), read as false
 */
public record SupporterCertified(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String supporterId,
        ClinicalRole role,
        List<String> languages,
        List<Modality> modalities,
        int capacity,
        Instant certifiedUntil,
        String unit,
        Boolean takesNetworkRequests) implements DomainEvent {

    public SupporterCertified {
        languages = List.copyOf(languages);
        modalities = List.copyOf(modalities);
    }

    /** A certification of the first shape: no unit, own hospital only. */
    public SupporterCertified(String eventId, Instant occurredAt, String hospitalId, String supporterId,
            ClinicalRole role, List<String> languages, List<Modality> modalities, int capacity, Instant certifiedUntil) {
        this(eventId, occurredAt, hospitalId, supporterId, role, languages, modalities, capacity, certifiedUntil, null,
                null);
    }

    @Override
    public String subject() {
        return supporterId;
    }
}
