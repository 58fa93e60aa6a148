package org.peersupport.intake.domain;

import java.util.regex.Pattern;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.ReasonCategory;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.SupporterGender;
import org.peersupport.events.Urgency;
import org.peersupport.platform.kernel.InvalidValue;

/**
 * What a request says about the support wanted, and nothing about the person beyond their role and unit (both
 * organisational): reason as a category, never a narrative; preferences about the supporter, never facts about the
 * requester. Missing values take their defaults: no unit, no reason given, ROUTINE, no gender preference, SELF. The
 * role and unit preferences stay null when the requester said nothing, so matching can tell "not said" (the programs'
 * defaults: similar role preferred, never the same unit) from an explicit answer.
 */
public record RequestDetails(
        ClinicalRole requesterRole,
        String unit,
        ReasonCategory reasonCategory,
        Urgency urgency,
        Modality preferredModality,
        String preferredLanguage,
        Boolean sameRolePreferred,
        Boolean outsideUnitPreferred,
        boolean outsideHospitalPreferred,
        SupporterGender supporterGender,
        RequestOrigin origin) {

    /** A unit's short code as hospitals write them: {@code ICU-4}, {@code 5 West}, {@code ED}. */
    public static final Pattern UNIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/-]{0,19}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    public RequestDetails {
        if (requesterRole == null) {
            throw new InvalidValue("requesterRole", "required");
        }
        if (preferredModality == null) {
            throw new InvalidValue("preferredModality", "required");
        }
        if (preferredLanguage == null || !LANGUAGE.matcher(preferredLanguage).matches()) {
            throw new InvalidValue("preferredLanguage", "must be an ISO 639 language code such as 'en'");
        }
        if (unit != null && !UNIT.matcher(unit).matches()) {
            throw new InvalidValue("unit", "must be a unit code such as 'ICU-4' (letters, digits, ' ._/-', up to 20)");
        }
        urgency = urgency == null ? Urgency.ROUTINE : urgency;
        supporterGender = supporterGender == null ? SupporterGender.ANY : supporterGender;
        origin = origin == null ? RequestOrigin.SELF : origin;
    }

    /** The first shape of a request: role, modality, language and whether someone outside the hospital is wanted. */
    public static RequestDetails of(ClinicalRole role, Modality modality, String language,
            boolean outsideHospitalPreferred) {
        return new RequestDetails(role, null, null, null, modality, language, null, null, outsideHospitalPreferred,
                null, null);
    }

    /** These details without the unit: with a role and a time, a small unit may point at one person. */
    public RequestDetails withoutUnit() {
        return new RequestDetails(requesterRole, null, reasonCategory, urgency, preferredModality, preferredLanguage,
                sameRolePreferred, outsideUnitPreferred, outsideHospitalPreferred, supporterGender, origin);
    }

    public RequestDetails withOrigin(RequestOrigin newOrigin) {
        return new RequestDetails(requesterRole, unit, reasonCategory, urgency, preferredModality, preferredLanguage,
                sameRolePreferred, outsideUnitPreferred, outsideHospitalPreferred, supporterGender, newOrigin);
    }

    public RequestDetails withReason(ReasonCategory newReason) {
        return new RequestDetails(requesterRole, unit, newReason, urgency, preferredModality, preferredLanguage,
                sameRolePreferred, outsideUnitPreferred, outsideHospitalPreferred, supporterGender, origin);
    }
}
