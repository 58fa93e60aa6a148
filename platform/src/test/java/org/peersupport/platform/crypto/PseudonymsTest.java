package org.peersupport.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
