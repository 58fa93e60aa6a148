package org.peersupport.intake.application;

import java.util.function.Supplier;
import org.peersupport.intake.domain.Contact;
import org.peersupport.intake.domain.ContactPreference;
import org.peersupport.intake.persistence.ContactKeys;
import org.peersupport.intake.persistence.SealedContact;
import org.peersupport.platform.crypto.DataKeys;
import org.peersupport.platform.crypto.DataKeys.DataKey;
import org.peersupport.platform.crypto.FieldCipher;
import org.peersupport.platform.crypto.FieldCipher.FieldRef;
import org.peersupport.platform.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Seals contact fields per field, bound to hospital, collection, document and field; opens them for who may read.
 * Each sealed record has a data key of its own, wrapped by the hospital's keyset and kept in {@link ContactKeys}, so
 * that {@link #destroy} makes the record's contact details unreadable wherever a copy of them is (crypto-shredding).
 * Records sealed before data keys existed hold values sealed with the hospital's keyset; they still open.
 */
@Component
public class ContactSealer {

    private final FieldCipher cipher;
    private final DataKeys dataKeys;
    private final ContactKeys keys;

    ContactSealer(FieldCipher cipher, ContactKeys keys) {
        this.cipher = cipher;
        this.dataKeys = new DataKeys(cipher);
        this.keys = keys;
    }

    public SealedContact seal(String hospitalId, String collection, String id, Contact contact,
            ContactPreference preference, String requesterSubject) {
        DataKey key = keyOf(hospitalId, collection, id);
        return new SealedContact(
                key.encrypt(ref(hospitalId, collection, id, "contact.name"), contact.name()),
                key.encrypt(ref(hospitalId, collection, id, "contact.phone"), blankToNull(contact.phone())),
                key.encrypt(ref(hospitalId, collection, id, "contact.email"), blankToNull(contact.email())),
                key.encrypt(ref(hospitalId, collection, id, "requesterSubject"), requesterSubject),
                key.encrypt(ref(hospitalId, collection, id, "contact.method"), preference.method().name()),
                key.encrypt(ref(hospitalId, collection, id, "contact.window"), preference.window().name()));
    }

    /** The contact a coordinator calls back: name, phone, email, method and window. */
    public record OpenedContact(String name, String phone, String email, String method, String window) {

        @Override
        public String toString() {
            return "OpenedContact[redacted]";
        }
    }

    /** Opens a record's contact; 404 once its data key was destroyed (the details are gone for good). */
    public OpenedContact open(String hospitalId, String collection, String id, SealedContact sealed) {
        Opener opener = new Opener(hospitalId, collection, id);
        return new OpenedContact(
                opener.open("contact.name", sealed.name()),
                opener.open("contact.phone", sealed.phone()),
                opener.open("contact.email", sealed.email()),
                opener.open("contact.method", sealed.method()),
                opener.open("contact.window", sealed.window()));
    }

    /** Destroys the record's data key: its sealed contact, and every copy of it, can never be opened again. */
    public void destroy(String collection, String id) {
        keys.destroy(keyId(collection, id));
    }

    /** The record's data key, made and stored first if it has none (a retried write keeps the first key). */
    private DataKey keyOf(String hospitalId, String collection, String id) {
        FieldRef keyRef = keyRef(hospitalId, collection, id);
        String wrapped = keys.putIfAbsent(keyId(collection, id), hospitalId, dataKeys.newWrappedKey(keyRef));
        return dataKeys.open(keyRef, wrapped);
    }

    /** Opens fields one by one, reading the data key once and only if a field was sealed with it. */
    private final class Opener {

        private final String hospitalId;
        private final String collection;
        private final String id;
        private DataKey key;

        Opener(String hospitalId, String collection, String id) {
            this.hospitalId = hospitalId;
            this.collection = collection;
            this.id = id;
        }

        String open(String field, String sealed) {
            FieldRef ref = ref(hospitalId, collection, id, field);
            if (!DataKeys.sealedWithDataKey(sealed)) {
                return cipher.decrypt(ref, sealed);
            }
            if (key == null) {
                key = stored();
            }
            return key.decrypt(ref, sealed);
        }

        private DataKey stored() {
            Supplier<NotFoundException> destroyed = () -> new NotFoundException("Contact");
            String wrapped = keys.find(keyId(collection, id)).orElseThrow(destroyed);
            return dataKeys.open(keyRef(hospitalId, collection, id), wrapped);
        }
    }

    private static String keyId(String collection, String id) {
        return collection + ":" + id;
    }

    private static FieldRef keyRef(String hospitalId, String collection, String id) {
        return ref(hospitalId, collection, id, "dataKey");
    }

    private static FieldRef ref(String hospitalId, String collection, String id, String field) {
        return new FieldRef(hospitalId, collection, id, field);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
