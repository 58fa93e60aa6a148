package org.peersupport.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymsTest {

    private static final String SUBJECT = "jane.doe@hospital.example";

    @TempDir
    Path keys;

    @Test
    void stableForTheSameInputAndKeyDirectory() {
        String once = new Pseudonyms(keys).of("rq", "hosp-1", SUBJECT);
        String again = new Pseudonyms(keys).of("rq", "hosp-1", SUBJECT);
        assertThat(again).isEqualTo(once);
        assertThat(once).matches("rq-[0-9a-f]{32}");
    }

    @Test
    void differentAcrossHospitalsAndSubjects() {
        Pseudonyms pseudonyms = new Pseudonyms(keys);
        String here = pseudonyms.of("rq", "hosp-1", SUBJECT);
        assertThat(pseudonyms.of("rq", "hosp-2", SUBJECT)).isNotEqualTo(here);
        assertThat(pseudonyms.of("rq", "hosp-1", "john.roe@hospital.example")).isNotEqualTo(here);
        // The separator keeps hospital and subject apart.
        assertThat(pseudonyms.of("rq", "hosp-1a", "b")).isNotEqualTo(pseudonyms.of("rq", "hosp-1", "ab"));
    }

    @Test
    void doesNotContainTheSubject() {
        String pseudonym = new Pseudonyms(keys).of("rq", "hosp-1", SUBJECT);
        assertThat(pseudonym).doesNotContain(SUBJECT).doesNotContain("jane").doesNotContain("hospital");
    }

    @Test
    void anotherKeyGivesAnotherPseudonym(@TempDir Path otherKeys) {
        assertThat(new Pseudonyms(otherKeys).of("rq", "hosp-1", SUBJECT))
                .isNotEqualTo(new Pseudonyms(keys).of("rq", "hosp-1", SUBJECT));
    }

    @Test
    void keyIsThirtyTwoBytesWrittenOwnerOnly() throws Exception {
        Assumptions.assumeTrue(keys.getFileSystem().supportedFileAttributeViews().contains("posix"));
        new Pseudonyms(keys).of("rq", "hosp-1", SUBJECT);

        Path file = keys.resolve("pseudonym.key");
        assertThat(Files.size(file)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aShortKeyIsRefusedAtStartWithoutQuotingIt() throws Exception {
        byte[] shortKey = "0123456789abcdef".getBytes();
        Files.write(keys.resolve("pseudonym.key"), shortKey);

        assertThatThrownBy(() -> new Pseudonyms(keys)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pseudonym.key").hasMessageContaining("16 bytes")
                .hasMessageContaining("exactly 32")
                .hasMessageNotContaining("0123456789abcdef")
                .hasMessageNotContaining(HexFormat.of().formatHex(shortKey))
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(shortKey));
    }

    @Test
    void aKeyProvisionedAsTextIsRefused() throws Exception {
        // 32 random bytes written as hex by mistake: 64 bytes, none of them the intended key.
        Files.writeString(keys.resolve("pseudonym.key"), "ab".repeat(32));

        assertThatThrownBy(() -> new Pseudonyms(keys)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("64 bytes");
    }
}
