package org.peersupport.intake.domain;

import org.peersupport.platform.kernel.InvalidValue;

/** How and when the requester wants to be reached; the method must be one their contact details allow. */
public record ContactPreference(ContactMethod method, ContactWindow window) {

    public ContactPreference {
        window = window == null ? ContactWindow.ANYTIME : window;
    }

    /** The preference for this contact: the method asked for (checked against it), else phone when there is one. */
    public static ContactPreference forContact(Contact contact, ContactMethod method, ContactWindow window) {
        boolean phone = contact.phone() != null && !contact.phone().isBlank();
        boolean email = contact.email() != null && !contact.email().isBlank();
        ContactMethod chosen = method != null ? method : phone ? ContactMethod.PHONE : ContactMethod.EMAIL;
        if ((chosen == ContactMethod.PHONE || chosen == ContactMethod.TEXT) && !phone) {
            throw new InvalidValue("contactMethod", "a phone number is needed to be reached by phone or text");
        }
        if (chosen == ContactMethod.EMAIL && !email) {
            throw new InvalidValue("contactMethod", "an email address is needed to be reached by email");
        }
        return new ContactPreference(chosen, window);
    }
}
