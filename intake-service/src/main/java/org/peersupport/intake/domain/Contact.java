package org.peersupport.intake.domain;

import org.peersupport.platform.kernel.InvalidValue;

/** How the assigned supporter can reach the requester. Only ever stored encrypted, only ever shown to that supporter. */
public record Contact(String name, String phone, String email) {

    public Contact {
        if (name == null || name.isBlank()) {
            throw new InvalidValue("contact.name", "required");
        }
        if ((phone == null || phone.isBlank()) && (email == null || email.isBlank())) {
            throw new InvalidValue("contact.phone", "a phone number or an email address is required");
        }
    }

    @Override
    public String toString() {
        return "Contact[redacted]";
    }
}
