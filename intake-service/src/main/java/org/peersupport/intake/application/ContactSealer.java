package org.peersupport.intake.application;

import org.peersupport.intake.domain.Contact;
import org.peersupport.intake.domain.ContactPreference;
import org.peersupport.intake.persistence.SealedContact;
import org.peersupport.platform.crypto.FieldCipher;
import org.peersupport.platform.crypto.FieldCipher.FieldRef;
import org.springframework.stereotype.Component;

/** Seals contact fields per field, bound to hospital, collection, document and field; opens them for who may read. */
@Component
public class ContactSealer {

    private final FieldCipher cipher;

    ContactSealer(FieldCipher cipher) {
        this.cipher = cipher;
    }

    public SealedContact seal(String hospitalId, String collection, String id, Contact contact,
            ContactPreference preference, String requesterSubject) {
        return new SealedContact(
                cipher.encrypt(ref(hospitalId, collection, id, "contact.name"), contact.name()),
                cipher.encrypt(ref(hospitalId, collection, id, "contact.phone"), blankToNull(contact.phone())),
                cipher.encrypt(ref(hospitalId, collection, id, "contact.email"), blankToNull(contact.email())),
                cipher.encrypt(ref(hospitalId, collection, id, "requesterSubject"), requesterSubject),
                cipher.encrypt(ref(hospitalId, collection, id, "contact.method"), preference.method().name()),
                cipher.encrypt(ref(hospitalId, collection, id, "contact.window"), preference.window().name()));
    }

    /** The contact a coordinator calls back: name, phone, email, method and window. */
    public record OpenedContact(String name, String phone, String email, String method, String window) {

        @Override
        public String toString() {
            return "OpenedContact[redacted]";
        }
    }

    public OpenedContact open(String hospitalId, String collection, String id, SealedContact sealed) {
        return new OpenedContact(
                cipher.decrypt(ref(hospitalId, collection, id, "contact.name"), sealed.name()),
                cipher.decrypt(ref(hospitalId, collection, id, "contact.phone"), sealed.phone()),
                cipher.decrypt(ref(hospitalId, collection, id, "contact.email"), sealed.email()),
                cipher.decrypt(ref(hospitalId, collection, id, "contact.method"), sealed.method()),
                cipher.decrypt(ref(hospitalId, collection, id, "contact.window"), sealed.window()));
    }

    private static FieldRef ref(String hospitalId, String collection, String id, String field) {
        return new FieldRef(hospitalId, collection, id, field);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
