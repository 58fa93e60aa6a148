package org.peersupport.intake.application;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.ReasonCategory;
import org.peersupport.events.RequestOrigin;
import org.peersupport.intake.domain.Contact;
import org.peersupport.intake.domain.ContactPreference;
import org.peersupport.intake.domain.RequestDetails;

/**
 * What a request for support says, whichever door it came through: the details of the support wanted, how to reach
 * the person and when. Build it with the canonical constructor, or with the first shape's constructor and
 * {@link #withOrigin}/{@link #withReason} (an accepted outreach offer: {@code new NewRequest(role, modality, language,
 * false, contact).withOrigin(RequestOrigin.TRIGGER)}).
 */
public record NewRequest(RequestDetails details, Contact contact, ContactPreference contactPreference) {

    public NewRequest {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(contact, "contact");
        contactPreference = contactPreference == null ? ContactPreference.forContact(contact, null, null)
                : contactPreference;
    }

    /** A self-referral of the first shape: role, modality, language, outside-hospital wish and contact. */
    public NewRequest(ClinicalRole requesterRole, Modality preferredModality, String preferredLanguage,
            boolean outsideHospitalPreferred, Contact contact) {
        this(RequestDetails.of(requesterRole, preferredModality, preferredLanguage, outsideHospitalPreferred), contact,
                null);
    }

    public NewRequest withOrigin(RequestOrigin origin) {
        return new NewRequest(details.withOrigin(origin), contact, contactPreference);
    }

    public NewRequest withReason(ReasonCategory reason) {
        return new NewRequest(details.withReason(reason), contact, contactPreference);
    }

    /**
     * Every value of the command in a fixed order: what its keyed fingerprint is taken of, so that a reused
     * Idempotency-Key with another body is told apart. Holds contact details: only ever fed to the HMAC.
     */
    String canonical(String... more) {
        RequestDetails d = details;
        return Stream.concat(Stream.<Object>of(d.requesterRole(), d.unit(), d.reasonCategory(), d.urgency(),
                        d.preferredModality(), d.preferredLanguage(), d.sameRolePreferred(), d.outsideUnitPreferred(),
                        d.outsideHospitalPreferred(), d.supporterGender(), d.origin(), contact.name(), contact.phone(),
                        contact.email(), contactPreference.method(), contactPreference.window()), Stream.of(more))
                .map(value -> value == null ? "" : value.toString())
                .collect(Collectors.joining("\u0000"));
    }

    /** Never the contact details, whoever logs a command. */
    @Override
    public String toString() {
        return "NewRequest[redacted]";
    }
}
