package org.peersupport.followup.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Cases for the tests: opened at a fixed time under the default check-in schedule. */
final class SupportCaseMother {

    static final Instant OPENED = Instant.parse("2026-11-23T10:00:00Z");
    static final CheckInSchedule DEFAULT = new CheckInSchedule(
            List.of(Duration.ofHours(72), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90)));

    private SupportCaseMother() {
    }

    static SupportCase open() {
        return SupportCase.open("r1", "lakeside", "s1", OPENED, DEFAULT).state();
    }

    static SupportCase afterCheckIns(int due) {
        return new SupportCase("r1", "lakeside", "s1", OPENED, due, SupportCase.Status.OPEN);
    }
}
