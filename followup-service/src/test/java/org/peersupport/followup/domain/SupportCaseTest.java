package org.peersupport.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CheckInDue;

class SupportCaseTest {

    static final Instant OPENED = Instant.parse("2026-11-23T10:00:00Z");
    static final CheckInSchedule DEFAULT = new CheckInSchedule(
            List.of(Duration.ofHours(72), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90)));

    @Test
    void openingSchedulesTheFirstCheckInAfterSeventyTwoHours() {
        SupportCase.Decision decision = SupportCase.open("r1", "lakeside", "s1", OPENED, DEFAULT);

        assertThat(decision.timers()).containsExactly(new SupportCase.CheckInTimer(1, OPENED.plus(Duration.ofHours(72))));
        assertThat(decision.timers().get(0).id("r1")).isEqualTo("r1:check-in:1");
    }

    @Test
    void eachDueCheckInSchedulesTheNextUntilTheScheduleEnds() {
        SupportCase supportCase = SupportCase.open("r1", "lakeside", "s1", OPENED, DEFAULT).supportCase();

        SupportCase.Decision third = supportCase.checkInDue(3, OPENED.plus(Duration.ofDays(30)), DEFAULT);
        SupportCase.Decision last = third.supportCase().checkInDue(4, OPENED.plus(Duration.ofDays(90)), DEFAULT);

        assertThat(third.timers()).containsExactly(new SupportCase.CheckInTimer(4, OPENED.plus(Duration.ofDays(90))));
        assertThat(last.timers()).isEmpty();
        assertThat(last.events()).singleElement().isInstanceOfSatisfying(CheckInDue.class,
                e -> assertThat(e.checkInNumber()).isEqualTo(4));
    }

    @Test
    void aCheckInThatAlreadyFellDueChangesNothing() {
        SupportCase afterFirst = SupportCase.open("r1", "lakeside", "s1", OPENED, DEFAULT).supportCase()
                .checkInDue(1, OPENED, DEFAULT).supportCase();

        SupportCase.Decision again = afterFirst.checkInDue(1, OPENED, DEFAULT);

        assertThat(again.events()).isEmpty();
        assertThat(again.timers()).isEmpty();
    }
}
