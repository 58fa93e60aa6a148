package org.peersupport.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Field-level encryption with one AES-256-GCM keyset per hospital. The associated data binds each ciphertext to
 * hospital, collection, document and field, so a value copied to another place does not decrypt.
 *
 * <p>Locally, keysets are plain JSON files in the service's data folder; production wraps them with a KMS key.
 */
public class FieldCipher {

    private static final String PREFIX = "v1:";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path keyDir;
    private final Map<String, Aead> byHospital = new ConcurrentHashMap<>();

    public FieldCipher(Path keyDir) {
        this.keyDir = keyDir;
        try {
            AeadConfig.register();
            Files.createDirectories(keyDir);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up field encryption", e);
        }
    }

    public String encrypt(FieldRef ref, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] sealed = aead(ref.hospitalId()).encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ref.bytes());
            return PREFIX + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(FieldRef ref, String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        if (!ciphertext.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a field ciphertext");
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
            return new String(aead(ref.hospitalId()).decrypt(sealed, ref.bytes()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed for " + ref.field());
        }
    }

    private Aead aead(String hospitalId) {
        if (!SAFE_ID.matcher(hospitalId).matches()) {
            throw new IllegalArgumentException("hospital id is not a safe key name");
        }
        return byHospital.computeIfAbsent(hospitalId, this::loadOrCreate);
    }

    private Aead loadOrCreate(String hospitalId) {
        Path file = keyDir.resolve(hospitalId + ".keyset.json");
        try {
            if (!Files.exists(file)) {
                KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                String json = TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get());
                try {
                    Files.writeString(file, json, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException anotherInstanceWon) {
                    // fall through and read the one that was written first
                }
            }
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file),
                    InsecureSecretKeyAccess.get());
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load keyset", e);
        }
    }

    /** Where an encrypted value lives; it is the associated data of the ciphertext. */
    public record FieldRef(String hospitalId, String collection, String documentId, String field) {

        byte[] bytes() {
            return String.join("\u0000", hospitalId, collection, documentId, field).getBytes(StandardCharsets.UTF_8);
        }
    }
}
