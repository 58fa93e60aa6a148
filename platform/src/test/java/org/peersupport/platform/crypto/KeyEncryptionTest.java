package org.peersupport.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.platform.crypto.FieldCipher.FieldRef;

/** Keysets and the pseudonym key wrapped under a key-encryption key (Tink envelope encryption). */
class KeyEncryptionTest {

    private static final String SECRET = "Jane Doe, +1 603 555 0142";
    private static final FieldRef LAKESIDE = new FieldRef("lakeside", "requests", "req-1", "phone");
    private static final FieldRef RIVERSIDE = new FieldRef("riverside", "requests", "req-1", "phone");
    private static final String KEK = KeyEncryptionKey.generateJsonKeyset();
    private static final String OTHER_KEK = KeyEncryptionKey.generateJsonKeyset();

    @TempDir
    Path keys;

    @Test
    void withAKekTheKeysetOnDiskIsWrappedAndDecryptsOnlyWithThatKek() throws Exception {
        String sealed = new FieldCipher(wrapped(KEK)).encrypt(LAKESIDE, SECRET);

        String onDisk = Files.readString(keys.resolve("lakeside.keyset.json"));
        assertThat(onDisk).contains("encryptedKeyset").doesNotContain("\"value\"");
        assertThatThrownBy(() -> TinkJsonProtoKeysetFormat.parseKeyset(onDisk, InsecureSecretKeyAccess.get()))
                .as("not usable as a plaintext keyset").isInstanceOf(Exception.class);

        assertThat(new FieldCipher(wrapped(KEK)).decrypt(LAKESIDE, sealed)).isEqualTo(SECRET);
        assertThatThrownBy(() -> new FieldCipher(wrapped(OTHER_KEK))).as("another KEK, refused at start")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be unwrapped");
        assertThatThrownBy(() -> new FieldCipher(keys)).as("no KEK, refused at start")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is wrapped, but no key-encryption key is configured");
    }

    @Test
    void withAKekAPlaintextKeysetOnDiskIsRefusedAtStart() {
        new FieldCipher(keys).encrypt(LAKESIDE, SECRET);

        assertThatThrownBy(() -> new FieldCipher(wrapped(KEK))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lakeside.keyset.json").hasMessageContaining("plaintext");
    }

    @Test
    void aWrappedKeysetIsBoundToItsHospital() throws Exception {
        FieldCipher cipher = new FieldCipher(wrapped(KEK));
        cipher.encrypt(LAKESIDE, SECRET);
        cipher.encrypt(RIVERSIDE, SECRET);
        // Someone swaps the files to make riverside's data readable with lakeside's key.
        Files.copy(keys.resolve("lakeside.keyset.json"), keys.resolve("riverside.keyset.json"),
                StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> new FieldCipher(wrapped(KEK))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("riverside.keyset.json").hasMessageContaining("cannot be unwrapped");
    }

    @Test
    void withAKekThePseudonymKeyIsWrappedOwnerOnlyAndStable() throws Exception {
        String pseudonym = new Pseudonyms(wrapped(KEK)).of("rq", "lakeside", "jane.doe");

        Path file = keys.resolve("pseudonym.key");
        assertThat(Files.readString(file)).startsWith("peersupport-wrapped-v1:");
        assertThat(new Pseudonyms(wrapped(KEK)).of("rq", "lakeside", "jane.doe")).isEqualTo(pseudonym);
        if (keys.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThatThrownBy(() -> new Pseudonyms(wrapped(OTHER_KEK))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be unwrapped");
        assertThatThrownBy(() -> new Pseudonyms(keys)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no key-encryption key is configured");
    }

    @Test
    void withAKekAPlaintextPseudonymKeyIsRefused() {
        new Pseudonyms(keys);

        assertThatThrownBy(() -> new Pseudonyms(wrapped(KEK))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pseudonym.key").hasMessageContaining("plaintext");
    }

    @Test
    void wrappingAPlainFolderKeepsEveryCiphertextAndPseudonym() throws Exception {
        FieldCipher plain = new FieldCipher(keys);
        String lakeside = plain.encrypt(LAKESIDE, SECRET);
        String riverside = plain.encrypt(RIVERSIDE, SECRET);
        String pseudonym = new Pseudonyms(keys).of("rq", "lakeside", "jane.doe");
        byte[] rawKey = Files.readAllBytes(keys.resolve("pseudonym.key"));

        assertThat(wrapped(KEK).wrapAll()).isEqualTo(3);

        FieldCipher migrated = new FieldCipher(wrapped(KEK));
        assertThat(migrated.decrypt(LAKESIDE, lakeside)).isEqualTo(SECRET);
        assertThat(migrated.decrypt(RIVERSIDE, riverside)).isEqualTo(SECRET);
        assertThat(new Pseudonyms(wrapped(KEK)).of("rq", "lakeside", "jane.doe")).isEqualTo(pseudonym);
        String stored = Files.readString(keys.resolve("pseudonym.key"));
        assertThat(stored).doesNotContain(Base64.getEncoder().encodeToString(rawKey))
                .doesNotContain(HexFormat.of().formatHex(rawKey));
        assertThat(Files.readString(keys.resolve("lakeside.keyset.json"))).contains("encryptedKeyset");
    }

    @Test
    void aKekThatIsNotAnAeadKeysetIsRefusedWithoutQuotingIt() {
        String notAKeyset = "{\"primaryKeyId\": 1, \"key\": \"c2VjcmV0LW1hdGVyaWFs\"}";

        assertThatThrownBy(() -> KeyEncryptionKey.fromJsonKeyset(notAKeyset))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PEERSUPPORT_KEY_ENCRYPTION_KEYSET")
                .hasMessageNotContaining("c2VjcmV0LW1hdGVyaWFs")
                .hasNoCause();
        assertThat(KeyEncryptionKey.fromSetting("  ")).isEmpty();
    }

    @Test
    void keyFilesAreOwnerOnlyWhetherWrappedOrNot() throws Exception {
        Assumptions.assumeTrue(keys.getFileSystem().supportedFileAttributeViews().contains("posix"));
        new FieldCipher(wrapped(KEK)).encrypt(LAKESIDE, SECRET);
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve("lakeside.keyset.json")))).isEqualTo("rw-------");
    }

    private KeyFolder wrapped(String kek) {
        return new KeyFolder(keys, Optional.of(KeyEncryptionKey.fromJsonKeyset(kek)));
    }
}
