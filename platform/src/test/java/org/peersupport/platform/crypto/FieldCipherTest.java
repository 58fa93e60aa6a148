package org.peersupport.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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

    @Test
    void keysetIsWrittenOwnerOnlyInAnOwnerOnlyFolder() throws Exception {
        assumePosix();
        Path folder = keys.resolve("keys");
        new FieldCipher(folder).encrypt(HERE, SECRET);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("hosp-1.keyset.json"))))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temp file is left behind").containsExactly("hosp-1.keyset.json");
        }
    }

    @Test
    void worldReadableKeysetFromAnEarlierVersionIsTightenedOnLoad() throws Exception {
        assumePosix();
        new FieldCipher(keys).encrypt(HERE, SECRET);
        Path file = keys.resolve("hosp-1.keyset.json");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));

        new FieldCipher(keys).encrypt(HERE, SECRET);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
    }

    @Test
    void instancesRacingForANewHospitalAllGetTheSameCompleteKeyset() throws Exception {
        int instances = 6;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < 40; round++) {
                Path folder = keys.resolve("round-" + round);
                CyclicBarrier start = new CyclicBarrier(instances);
                List<Future<String>> sealed = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    sealed.add(pool.submit(() -> {
                        FieldCipher cipher = new FieldCipher(folder);
                        start.await();
                        return cipher.encrypt(HERE, SECRET);
                    }));
                }
                FieldCipher reader = new FieldCipher(folder);
                for (Future<String> each : sealed) {
                    // A loser that read a half-written file, or kept a key that lost the race, fails here.
                    assertThat(reader.decrypt(HERE, each.get())).as("round %d", round).isEqualTo(SECRET);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rotationSealsNewValuesUnderANewPrimaryAndOldValuesStillDecrypt() {
        FieldCipher cipher = new FieldCipher(keys);
        String before = cipher.encrypt(HERE, SECRET);

        int newKey = cipher.rotate("hosp-1");
        String after = cipher.encrypt(HERE, SECRET);

        assertThat(keyIdOf(after)).isEqualTo(newKey).isNotEqualTo(keyIdOf(before));
        assertThat(cipher.decrypt(HERE, before)).isEqualTo(SECRET);
        FieldCipher restarted = new FieldCipher(keys);
        assertThat(restarted.decrypt(HERE, before)).isEqualTo(SECRET);
        assertThat(restarted.decrypt(HERE, after)).isEqualTo(SECRET);
        assertThat(keyIdOf(restarted.encrypt(HERE, SECRET))).isEqualTo(newKey);
    }

    @Test
    void anInstanceThatReadTheKeysetBeforeARotationDecryptsValuesSealedAfterIt() {
        FieldCipher running = new FieldCipher(keys);
        running.encrypt(HERE, SECRET); // reads and caches the keyset
        FieldCipher rotating = new FieldCipher(keys);
        rotating.rotate("hosp-1");

        String sealedUnderTheNewKey = rotating.encrypt(HERE, SECRET);

        assertThat(running.decrypt(HERE, sealedUnderTheNewKey)).isEqualTo(SECRET);
    }

    @Test
    void anAddedKeyOnlyDecryptsUntilItIsPromoted() {
        FieldCipher cipher = new FieldCipher(keys);
        int oldKey = keyIdOf(cipher.encrypt(HERE, SECRET));

        int added = cipher.addKey("hosp-1");
        assertThat(keyIdOf(new FieldCipher(keys).encrypt(HERE, SECRET))).isEqualTo(oldKey);

        cipher.promote("hosp-1", added);
        assertThat(keyIdOf(new FieldCipher(keys).encrypt(HERE, SECRET))).isEqualTo(added);
        assertThatThrownBy(() -> cipher.promote("hosp-1", 12345)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Tink's output prefix: a version byte, then the id of the key that sealed the value. */
    private static int keyIdOf(String sealed) {
        return ByteBuffer.wrap(Base64.getDecoder().decode(sealed.substring(3)), 1, 4).getInt();
    }

    private void assumePosix() {
        Assumptions.assumeTrue(keys.getFileSystem().supportedFileAttributeViews().contains("posix"));
    }
}
