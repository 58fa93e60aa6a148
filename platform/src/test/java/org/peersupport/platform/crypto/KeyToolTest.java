package org.peersupport.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.platform.crypto.FieldCipher.FieldRef;

class KeyToolTest {

    private static final String SECRET = "Jane Doe, +1 603 555 0142";
    private static final FieldRef LAKESIDE = new FieldRef("lakeside", "requests", "req-1", "phone");

    @TempDir
    Path keys;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void initCreatesWrappedKeysForTheNamedHospitals() throws Exception {
        String kek = KeyEncryptionKey.generateJsonKeyset();

        assertThat(run(Map.of(KeyTool.KEK_VARIABLE, kek), "init", dir(), "lakeside", "riverside")).isZero();

        assertThat(Files.readString(keys.resolve("pseudonym.key"))).startsWith("peersupport-wrapped-v1:");
        assertThat(Files.readString(keys.resolve("lakeside.keyset.json"))).contains("encryptedKeyset");
        assertThat(Files.readString(keys.resolve("riverside.keyset.json"))).contains("encryptedKeyset");
        assertThat(out.toString()).contains("(wrapped)");
    }

    @Test
    void rotateGivesTheHospitalANewPrimaryKey() {
        String before = new FieldCipher(keys).encrypt(LAKESIDE, SECRET);

        assertThat(run(Map.of(), "rotate", dir(), "lakeside")).isZero();

        FieldCipher after = new FieldCipher(keys);
        assertThat(after.decrypt(LAKESIDE, before)).isEqualTo(SECRET);
        int newKey = Integer.parseUnsignedInt(out.toString().replaceAll("\\D", ""));
        assertThat(keyIdOf(after.encrypt(LAKESIDE, SECRET))).isEqualTo(newKey).isNotEqualTo(keyIdOf(before));
    }

    @Test
    void addKeyThenPromoteRollsANewKeyOutInTwoSteps() {
        String before = new FieldCipher(keys).encrypt(LAKESIDE, SECRET);

        assertThat(run(Map.of(), "add-key", dir(), "lakeside")).isZero();
        String added = out.toString().replaceAll("(?s)new key (\\d+).*", "$1").strip();
        assertThat(keyIdOf(new FieldCipher(keys).encrypt(LAKESIDE, SECRET))).isEqualTo(keyIdOf(before));

        assertThat(run(Map.of(), "promote", dir(), "lakeside", added)).isZero();
        assertThat(keyIdOf(new FieldCipher(keys).encrypt(LAKESIDE, SECRET))).isEqualTo(Integer.parseUnsignedInt(added));
    }

    @Test
    void aRotatedKekRewrapsEveryFileUnderItsNewPrimary() {
        String oldKek = KeyEncryptionKey.generateJsonKeyset();
        String sealed = new FieldCipher(KeyFolder.of(keys, oldKek)).encrypt(LAKESIDE, SECRET);
        String pseudonym = new Pseudonyms(KeyFolder.of(keys, oldKek)).of("rq", "lakeside", "jane.doe");

        assertThat(run(Map.of(KeyTool.KEK_VARIABLE, oldKek), "rotate-kek")).isZero();
        String newKek = out.toString().strip();
        assertThat(run(Map.of(KeyTool.KEK_VARIABLE, newKek), "wrap", dir())).isZero();

        assertThat(new FieldCipher(KeyFolder.of(keys, newKek)).decrypt(LAKESIDE, sealed)).isEqualTo(SECRET);
        assertThat(new Pseudonyms(KeyFolder.of(keys, newKek)).of("rq", "lakeside", "jane.doe")).isEqualTo(pseudonym);
        // Rewrapped under the new key: the old KEK alone can be retired.
        assertThatThrownBy(() -> new FieldCipher(KeyFolder.of(keys, oldKek))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wrapMigratesAPlainFolder() throws Exception {
        String sealed = new FieldCipher(keys).encrypt(LAKESIDE, SECRET);
        String kek = KeyEncryptionKey.generateJsonKeyset();

        assertThat(run(Map.of(KeyTool.KEK_VARIABLE, kek), "wrap", dir())).isZero();

        assertThat(new FieldCipher(new KeyFolder(keys, Optional.of(KeyEncryptionKey.fromJsonKeyset(kek))))
                .decrypt(LAKESIDE, sealed)).isEqualTo(SECRET);
        assertThat(Files.readString(keys.resolve("lakeside.keyset.json"))).contains("encryptedKeyset");
    }

    @Test
    void badUseExitsTwoAndFailuresOneWithoutKeyMaterial() {
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(run(Map.of(), "shred", dir())).isEqualTo(2);
        assertThat(run(Map.of(), "rotate", dir())).isEqualTo(2);
        assertThat(run(Map.of(), "promote", dir(), "lakeside", "not-a-number")).isEqualTo(2);
        assertThat(err.toString()).contains("usage: KeyTool");

        assertThat(run(Map.of(), "wrap", dir())).isEqualTo(1);
        assertThat(err.toString()).contains("no key-encryption key is configured");
        assertThat(run(Map.of(KeyTool.KEK_VARIABLE, "{\"key\":\"c2VjcmV0\"}"), "init", dir())).isEqualTo(1);
        assertThat(err.toString()).doesNotContain("c2VjcmV0");
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        return KeyTool.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String dir() {
        return keys.toString();
    }

    private static int keyIdOf(String sealed) {
        return ByteBuffer.wrap(Base64.getDecoder().decode(sealed.substring(3)), 1, 4).getInt();
    }
}
