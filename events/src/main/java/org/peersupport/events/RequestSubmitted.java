package org.peersupport.events;

import java.time.Instant;

/**
 * A health care worker asked for peer support. {@code requesterRef} is pseudonymous; contact details stay in intake.
 * The unit is an organisational code (e.g. {@code ICU-4}), the reason a category, never a narrative. The fields after
 * {@code outsideHospitalPreferred} came later and are optional on the wire: an older event reads them as null (a
 * boxed {@code Boolean}, since readers refuse null for a primitive), which means no preference, ROUTINE and SELF.
 */
public record RequestSubmitted(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String requestId,
        String requesterRef,
        ClinicalRole requesterRole,
        Modality preferredModality,
        String preferredLanguage,
        boolean outsideHospitalPreferred,
        String unit,
        ReasonCategory reasonCategory,
        Urgency urgency,
        Boolean sameRolePreferred,
        Boolean outsideUnitPreferred,
        SupporterGender supporterGender,
        RequestOrigin origin) implements DomainEvent {

    /** A request as the first version knew it: no unit, reason, urgency or further preferences, asked by the person. */
    public RequestSubmitted(String eventId, Instant occurredAt, String hospitalId, String requestId,
            String requesterRef, ClinicalRole requesterRole, Modality preferredModality, String preferredLanguage,
            boolean outsideHospitalPreferred) {
        this(eventId, occurredAt, hospitalId, requestId, requesterRef, requesterRole, preferredModality,
                preferredLanguage, outsideHospitalPreferred, null, null, null, null, null, null, null);
    }

    @Override
    public String subject() {
        return requestId;
    }
}
