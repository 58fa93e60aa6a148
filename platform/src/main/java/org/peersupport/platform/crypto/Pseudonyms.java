package org.peersupport.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonymous references for people: a keyed hash (HMAC-SHA256) of hospital and subject. The same person
 * gets the same reference (so a returning requester can be recognised), and nobody without the key can link it
 * back to the person.
 */
public class Pseudonyms {

    /** The key is exactly this long: what is generated, and what an operator is told to provision. */
    static final int KEY_BYTES = 32;

    private final SecretKeySpec key;

    /** A plain key file in {@code keyDir}, for local development and tests. */
    public Pseudonyms(Path keyDir) {
        this(new KeyFolder(keyDir, Optional.empty()));
    }

    /** The key {@code pseudonym.key} in the folder (wrapped if it has a key-encryption key), created if missing. */
    public Pseudonyms(KeyFolder keys) {
        String name = KeyFolder.PSEUDONYM_KEY;
        byte[] stored = keys.read(name).orElseGet(() -> keys.createIfAbsent(name, keys.fromSecret(name, fresh())));
        byte[] raw = keys.toSecret(name, stored);
        if (raw.length != KEY_BYTES) {
            // A short key is weak, and a text key (hex, base64) is usually a provisioning mistake: refuse both.
            throw new IllegalStateException("pseudonym key " + keys.dir().resolve(name) + " holds " + raw.length
                    + " bytes; it must be exactly " + KEY_BYTES + " random bytes (see the README's Keys section)");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    public String of(String prefix, String hospitalId, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((hospitalId + "\u0000" + subject).getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }

    private static byte[] fresh() {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        return fresh;
    }
}
