package org.peersupport.events;

import java.time.Instant;

/** A health care worker asked for peer support. {@code requesterRef} is pseudonymous; contact details stay in intake. */
public record RequestSubmitted(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String requestId,
        String requesterRef,
        ClinicalRole requesterRole,
        Modality preferredModality,
        String preferredLanguage,
        boolean outsideHospitalPreferred) implements DomainEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
