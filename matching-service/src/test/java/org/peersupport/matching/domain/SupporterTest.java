package org.peersupport.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SupporterTest {

    @Test
    void aLapseEndsTheCertificationWhenTrainingSaidSo() {
        Supporter nurse = SupporterMother.nurse("s1");

        Supporter lapsed = nurse.lapsed(SupporterMother.CERTIFIED_UNTIL, SupporterMother.NOW);

        assertThat(lapsed.isCurrent(SupporterMother.NOW)).isFalse();
        assertThat(lapsed.unit()).isEqualTo(nurse.unit());
        Supporter late = nurse.lapsed(SupporterMother.NOW.minus(Duration.ofDays(1)), SupporterMother.NOW);
        assertThat(late).isNull();
    }

    @Test
    void aLapseOfTheCertificationHeldEndsItAtItsRecordedEnd() {
        Supporter nurse = SupporterMother.nurse("s1");
        var after = SupporterMother.CERTIFIED_UNTIL.plus(Duration.ofMinutes(1));

        assertThat(nurse.lapsed(SupporterMother.CERTIFIED_UNTIL, after).certifiedUntil())
                .isEqualTo(SupporterMother.CERTIFIED_UNTIL);
    }
}
