package org.peersupport.events;

import java.time.Instant;
import java.util.List;

/** A trained peer supporter is certified and current until {@code certifiedUntil}; matching's pool is built from these. */
public record SupporterCertified(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String supporterId,
        ClinicalRole role,
        List<String> languages,
        List<Modality> modalities,
        int capacity,
        Instant certifiedUntil) implements DomainEvent {

    public SupporterCertified {
        languages = List.copyOf(languages);
        modalities = List.copyOf(modalities);
    }

    @Override
    public String subject() {
        return supporterId;
    }
}
