package org.peersupport.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Field-level encryption with one AES-256-GCM keyset per hospital. The associated data binds each ciphertext to
 * hospital, collection, document and field, so a value copied to another place does not decrypt.
 *
 * <p>Keysets live in a {@link KeyFolder}: plain JSON files locally, wrapped under a key-encryption key in
 * production. A keyset can be rotated: new values are sealed under the new primary key, older ones still decrypt.
 */
public class FieldCipher {

    private static final String PREFIX = "v1:";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final KeyFolder keys;
    private final Map<String, Keyset> byHospital = new ConcurrentHashMap<>();

    /** A keyset as last read, with the bytes it was read from, to tell whether the file has changed since. */
    private record Keyset(Aead aead, byte[] stored) {
    }

    /** Plain keysets in {@code keyDir}, for local development and tests. */
    public FieldCipher(Path keyDir) {
        this(new KeyFolder(keyDir, Optional.empty()));
    }

    /** Keysets in the folder, wrapped if it has a key-encryption key; the ones already there are checked now. */
    public FieldCipher(KeyFolder keys) {
        this.keys = keys;
        // Fail at start-up, not on the first request, when a stored keyset is plaintext under a KEK or unreadable.
        for (String name : keys.names()) {
            if (!name.endsWith(KeyFolder.KEYSET_SUFFIX)) {
                continue;
            }
            String hospitalId = name.substring(0, name.length() - KeyFolder.KEYSET_SUFFIX.length());
            if (SAFE_ID.matcher(hospitalId).matches()) {
                byHospital.put(hospitalId, parse(name, keys.read(name).orElseThrow()));
            }
        }
    }

    public String encrypt(FieldRef ref, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] sealed = keyset(ref.hospitalId()).aead().encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
                    ref.bytes());
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
        byte[] sealed = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
        try {
            return open(keyset(ref.hospitalId()), sealed, ref);
        } catch (GeneralSecurityException e) {
            // Another instance may have added a key since this one read the keyset: read it again, once.
            Keyset changed = rereadIfChanged(ref.hospitalId());
            if (changed != null) {
                try {
                    return open(changed, sealed, ref);
                } catch (GeneralSecurityException stillNot) {
                    // fall through
                }
            }
            throw new IllegalStateException("decryption failed for " + ref.field());
        }
    }

    /**
     * Adds a new key to the hospital's keyset and makes it primary; values sealed under earlier keys still decrypt.
     * Returns the new key's id.
     */
    public int rotate(String hospitalId) {
        return addKey(hospitalId, true);
    }

    /**
     * Adds a new key that decrypts but does not seal yet; once every instance has it, {@link #promote} it. Returns
     * the new key's id.
     */
    public int addKey(String hospitalId) {
        return addKey(hospitalId, false);
    }

    /** Makes a key of the hospital's keyset the primary one: new values are sealed under it from now on. */
    public void promote(String hospitalId, int keyId) {
        String name = fileName(hospitalId);
        keys.exclusively(() -> {
            KeysetHandle current = keys.toKeyset(name, stored(name));
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
            for (int i = 0; i < current.size(); i++) {
                if (current.getAt(i).getId() == keyId) {
                    builder.getAt(i).setStatus(KeyStatus.ENABLED).makePrimary();
                    store(hospitalId, name, build(builder));
                    return null;
                }
            }
            throw new IllegalArgumentException("keyset of " + hospitalId + " has no key " + keyId);
        });
    }

    private int addKey(String hospitalId, boolean primary) {
        String name = fileName(hospitalId);
        return keys.exclusively(() -> {
            KeysetHandle current = keys.toKeyset(name, stored(name));
            Set<Integer> before = new HashSet<>();
            for (int i = 0; i < current.size(); i++) {
                before.add(current.getAt(i).getId());
            }
            KeysetHandle.Builder.Entry entry = KeysetHandle.generateEntryFromParameters(
                    PredefinedAeadParameters.AES256_GCM).withRandomId();
            if (primary) {
                entry.makePrimary();
            }
            KeysetHandle next = build(KeysetHandle.newBuilder(current).addEntry(entry));
            store(hospitalId, name, next);
            for (int i = 0; i < next.size(); i++) {
                if (!before.contains(next.getAt(i).getId())) {
                    return next.getAt(i).getId();
                }
            }
            throw new IllegalStateException("the new key is missing from the keyset of " + hospitalId);
        });
    }

    /** Loads the hospital's keyset, creating it if missing (for provisioning ahead of the first request). */
    void ensureKeyset(String hospitalId) {
        keyset(hospitalId);
    }

    /** The stored keyset, created first if the hospital has none yet. */
    private byte[] stored(String name) {
        return keys.read(name).orElseGet(() -> keys.createIfAbsent(name, keys.fromKeyset(name, fresh())));
    }

    private void store(String hospitalId, String name, KeysetHandle handle) {
        byte[] stored = keys.fromKeyset(name, handle);
        keys.replace(name, stored);
        byHospital.put(hospitalId, parse(name, stored));
    }

    private static String open(Keyset keyset, byte[] sealed, FieldRef ref) throws GeneralSecurityException {
        return new String(keyset.aead().decrypt(sealed, ref.bytes()), StandardCharsets.UTF_8);
    }

    private Keyset keyset(String hospitalId) {
        String name = fileName(hospitalId);
        return byHospital.computeIfAbsent(hospitalId, h -> parse(name, stored(name)));
    }

    private Keyset rereadIfChanged(String hospitalId) {
        String name = fileName(hospitalId);
        Keyset cached = byHospital.get(hospitalId);
        byte[] stored = keys.read(name).orElse(null);
        if (stored == null || cached != null && Arrays.equals(stored, cached.stored())) {
            return null;
        }
        Keyset reread = parse(name, stored);
        byHospital.put(hospitalId, reread);
        return reread;
    }

    private Keyset parse(String name, byte[] stored) {
        try {
            return new Keyset(keys.toKeyset(name, stored).getPrimitive(RegistryConfiguration.get(), Aead.class),
                    stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load keyset " + name, e);
        }
    }

    private static String fileName(String hospitalId) {
        if (!SAFE_ID.matcher(hospitalId).matches()) {
            throw new IllegalArgumentException("hospital id is not a safe key name");
        }
        return hospitalId + KeyFolder.KEYSET_SUFFIX;
    }

    private static KeysetHandle fresh() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a keyset", e);
        }
    }

    private static KeysetHandle build(KeysetHandle.Builder builder) {
        try {
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the rotated keyset", e);
        }
    }

    /** Where an encrypted value lives; it is the associated data of the ciphertext. */
    public record FieldRef(String hospitalId, String collection, String documentId, String field) {

        byte[] bytes() {
            return String.join("\u0000", hospitalId, collection, documentId, field).getBytes(StandardCharsets.UTF_8);
        }
    }
}
