package org.peersupport.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.peersupport.platform.crypto.FieldCipher.FieldRef;

/**
 * Envelope encryption for crypto-shredding: each record that must be destroyable on its own (a request's contact
 * details) gets a data key of its own, an AES-256-GCM keyset wrapped by the hospital's keyset in {@link FieldCipher}
 * (itself wrapped by the key-encryption key on disk). Deleting the wrapped data key makes every copy of the record's
 * ciphertexts unreadable, backups of the record included, while the hospital's keyset stays as it is.
 *
 * <p>A value sealed with a data key reads {@code k1:<base64>}; values sealed directly with the hospital's keyset
 * read {@code v1:…}, so both can live side by side ({@link #sealedWithDataKey}).
 */
public final class DataKeys {

    private static final String PREFIX = "k1:";

    private final FieldCipher master;

    public DataKeys(FieldCipher master) {
        this.master = master;
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot register Tink's AEAD", e);
        }
    }

    /**
     * A fresh data key, wrapped by the hospital's keyset and bound to where the wrapped key is kept ({@code keyRef}),
     * so a wrapped key copied elsewhere does not unwrap.
     */
    public String newWrappedKey(FieldRef keyRef) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return master.encrypt(keyRef, TinkJsonProtoKeysetFormat.serializeKeyset(handle,
                    InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a data key", e);
        }
    }

    /** The data key a wrapped key holds; the failure's message never quotes key material. */
    public DataKey open(FieldRef keyRef, String wrappedKey) {
        String json = master.decrypt(keyRef, wrappedKey);
        try {
            return new DataKey(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the data key at " + keyRef.field() + " is not a Tink keyset");
        }
    }

    /** Whether a stored value was sealed with a data key (else with the hospital's keyset, or it is null). */
    public static boolean sealedWithDataKey(String ciphertext) {
        return ciphertext != null && ciphertext.startsWith(PREFIX);
    }

    /** One record's key: seals and opens its fields, each bound to hospital, collection, document and field. */
    public static final class DataKey {

        private final Aead aead;

        private DataKey(Aead aead) {
            this.aead = aead;
        }

        public String encrypt(FieldRef ref, String plaintext) {
            if (plaintext == null) {
                return null;
            }
            try {
                return PREFIX + Base64.getEncoder().encodeToString(
                        aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ref.bytes()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("encryption failed", e);
            }
        }

        public String decrypt(FieldRef ref, String ciphertext) {
            if (ciphertext == null) {
                return null;
            }
            if (!sealedWithDataKey(ciphertext)) {
                throw new IllegalArgumentException("not sealed with a data key");
            }
            try {
                return new String(aead.decrypt(Base64.getDecoder().decode(ciphertext.substring(PREFIX.length())),
                        ref.bytes()), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("decryption failed for " + ref.field());
            }
        }

        @Override
        public String toString() {
            return "DataKey[redacted]";
        }
    }
}
