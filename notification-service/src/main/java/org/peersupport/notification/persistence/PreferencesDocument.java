package org.peersupport.notification.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's channel preferences as stored ({@code _id} = their subject): addresses sealed per field (hospital,
 * collection, person and field bound into each ciphertext), the rest plain.
 */
@Document(PreferencesDocument.COLLECTION)
public record PreferencesDocument(@Id String id, String hospitalId, String sealedEmail, String sealedPhone,
        List<String> channels, String quietFrom, String quietTo, String quietZone, Instant updatedAt) {

    public static final String COLLECTION = "preferences";

    @Override
    public String toString() {
        return "PreferencesDocument[" + id + ", sealed]";
    }
}
