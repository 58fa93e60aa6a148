package org.peersupport.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/**
 * The key-encryption key (KEK) that wraps the keysets and the pseudonym key on disk (Tink envelope encryption).
 *
 * <p>The deployment supplies it as a Tink JSON AEAD keyset ({@code PEERSUPPORT_KEY_ENCRYPTION_KEYSET}), synced
 * from its secret manager; code may instead pass a KMS-backed {@link Aead} (a Tink {@code KmsClient}'s
 * {@code getAead(uri)}), so the KEK never leaves the KMS.
 */
public final class KeyEncryptionKey {

    private final Aead aead;

    private KeyEncryptionKey(Aead aead) {
        this.aead = Objects.requireNonNull(aead, "aead");
    }

    /** A KEK backed by any AEAD, for example a KMS key through Tink's {@code KmsClient}. */
    public static KeyEncryptionKey of(Aead aead) {
        return new KeyEncryptionKey(aead);
    }

    /** A KEK from a Tink JSON AEAD keyset; the message of a failure never quotes the keyset. */
    public static KeyEncryptionKey fromJsonKeyset(String json) {
        try {
            AeadConfig.register();
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            return new KeyEncryptionKey(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            // No cause: a parser's message may quote the input, and the input is the root key.
            throw new IllegalStateException("the key-encryption keyset (PEERSUPPORT_KEY_ENCRYPTION_KEYSET) is not a "
                    + "Tink JSON AEAD keyset");
        }
    }

    /** The configured KEK, or none when the setting is blank (local development). */
    public static Optional<KeyEncryptionKey> fromSetting(String json) {
        return json == null || json.isBlank() ? Optional.empty() : Optional.of(fromJsonKeyset(json.strip()));
    }

    /** A fresh AES-256-GCM KEK as a Tink JSON keyset, for an operator to store in the secret manager. */
    public static String generateJsonKeyset() {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a key-encryption keyset", e);
        }
    }

    Aead aead() {
        return aead;
    }
}
