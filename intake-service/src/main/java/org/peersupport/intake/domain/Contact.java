package org.peersupport.intake.domain;

import java.util.regex.Pattern;
import org.peersupport.platform.kernel.InvalidValue;

/** How the assigned supporter can reach the requester. Only ever stored encrypted, only ever shown to that supporter. */
public record Contact(String name, String phone, String email) {

    /**
     * Invisible format characters (Unicode category Cf): bidi embeddings, overrides and isolates (U+202A–U+202E,
     * U+2066–U+2069), zero-width spaces and joiners, the BOM. Stored as sent they would let a name display as
     * something else to the supporter and coordinator who read it.
     */
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");

    public Contact {
        if (name == null || name.isBlank()) {
            throw new InvalidValue("contact.name", "required");
        }
        if ((phone == null || phone.isBlank()) && (email == null || email.isBlank())) {
            throw new InvalidValue("contact.phone", "a phone number or an email address is required");
        }
        requireVisible("contact.name", name);
        requireVisible("contact.phone", phone);
        requireVisible("contact.email", email);
    }

    /** Refuses a free-text value holding invisible or direction-changing characters, naming its field. */
    public static void requireVisible(String field, String value) {
        if (value != null && INVISIBLE.matcher(value).find()) {
            throw new InvalidValue(field, "contains invisible or text-direction characters");
        }
    }

    @Override
    public String toString() {
        return "Contact[redacted]";
    }
}
