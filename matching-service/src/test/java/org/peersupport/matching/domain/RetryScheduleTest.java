package org.peersupport.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peersupport.matching.domain.SupporterMother.NOW;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void delaysDoubleUpToTheLongest() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10));

        assertThat(schedule.dueAt(1, NOW)).isEqualTo(NOW.plusSeconds(30));
        assertThat(schedule.dueAt(2, NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(schedule.dueAt(5, NOW)).isEqualTo(NOW.plusSeconds(480));
        assertThat(schedule.dueAt(6, NOW)).isEqualTo(NOW.plusSeconds(600));
        assertThat(schedule.dueAt(1_000, NOW)).isEqualTo(NOW.plusSeconds(600));
    }
}
