package org.peersupport.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.platform.crypto.FieldCipher.FieldRef;

class FieldCipherTest {

    private static final String SECRET = "Jane Doe, night shift, ward 7B";
    private static final FieldRef HERE = new FieldRef("hosp-1", "requests", "req-1", "note");

    @TempDir
    Path keys;

    @Test
    void roundTrip() {
        FieldCipher cipher = new FieldCipher(keys);
        String sealed = cipher.encrypt(HERE, SECRET);
        assertThat(sealed).startsWith("v1:");
        assertThat(cipher.decrypt(HERE, sealed)).isEqualTo(SECRET);
        assertThat(cipher.decrypt(HERE, cipher.encrypt(HERE, ""))).isEmpty();
        assertThat(cipher.encrypt(HERE, null)).isNull();
        assertThat(cipher.decrypt(HERE, null)).isNull();
    }

    @Test
    void ciphertextDoesNotRevealThePlaintext() {
        FieldCipher cipher = new FieldCipher(keys);
        String sealed = cipher.encrypt(HERE, SECRET);
        assertThat(sealed).doesNotContain(SECRET).doesNotContain("Jane");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("Jane");
        // A fresh nonce each time: equal plaintexts do not give equal ciphertexts.
        assertThat(cipher.encrypt(HERE, SECRET)).isNotEqualTo(sealed);
    }

    @Test
    void ciphertextMovedToAnotherPlaceDoesNotDecrypt() {
        FieldCipher cipher = new FieldCipher(keys);
        String sealed = cipher.encrypt(HERE, SECRET);

        for (FieldRef elsewhere : new FieldRef[] {
                new FieldRef("hosp-1", "requests", "req-2", "note"),
                new FieldRef("hosp-1", "requests", "req-1", "name"),
                new FieldRef("hosp-1", "cases", "req-1", "note"),
                new FieldRef("hosp-2", "requests", "req-1", "note")}) {
            assertThatThrownBy(() -> cipher.decrypt(elsewhere, sealed)).as("moved to %s", elsewhere)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageNotContaining(SECRET);
        }
    }

    @Test
    void associatedDataFieldsCannotBeShiftedIntoEachOther() {
        FieldCipher cipher = new FieldCipher(keys);
        String sealed = cipher.encrypt(new FieldRef("hosp-1", "requests", "a", "bc"), SECRET);
        assertThatThrownBy(() -> cipher.decrypt(new FieldRef("hosp-1", "requests", "ab", "c"), sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperedCiphertextDoesNotDecrypt() {
        FieldCipher cipher = new FieldCipher(keys);
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt(HERE, SECRET).substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(HERE, tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(HERE, SECRET)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysetPersistsAcrossInstances() {
        String sealed = new FieldCipher(keys).encrypt(HERE, SECRET);
        assertThat(keys.resolve("hosp-1.keyset.json")).exists();

        FieldCipher restarted = new FieldCipher(keys);
        assertThat(restarted.decrypt(HERE, sealed)).isEqualTo(SECRET);
    }

    @Test
    void anotherKeyDirectoryCannotDecrypt(@TempDir Path otherKeys) {
        String sealed = new FieldCipher(keys).encrypt(HERE, SECRET);
        assertThatThrownBy(() -> new FieldCipher(otherKeys).decrypt(HERE, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachHospitalHasItsOwnKeyset() throws Exception {
        FieldCipher cipher = new FieldCipher(keys);
        cipher.encrypt(new FieldRef("hosp-1", "c", "d", "f"), SECRET);
        cipher.encrypt(new FieldRef("hosp-2", "c", "d", "f"), SECRET);
        assertThat(Files.readString(keys.resolve("hosp-1.keyset.json")))
                .isNotEqualTo(Files.readString(keys.resolve("hosp-2.keyset.json")));
    }

    @Test
    void hospitalIdThatIsNotASafeFileNameIsRejected() {
        FieldCipher cipher = new FieldCipher(keys);
        assertThatThrownBy(() -> cipher.encrypt(new FieldRef("../escape", "c", "d", "f"), SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(keys.getParent().resolve("escape.keyset.json")).doesNotExist();
    }
}
