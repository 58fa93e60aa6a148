package org.peersupport.intake.application;

import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.intake.domain.Contact;

/** What a health care worker submits when asking for support for themselves. */
public record NewRequest(ClinicalRole requesterRole, Modality preferredModality, String preferredLanguage,
        boolean outsideHospitalPreferred, Contact contact) {

    /** Never the contact details, whoever logs a command. */
    @Override
    public String toString() {
        return "NewRequest[redacted]";
    }
}
