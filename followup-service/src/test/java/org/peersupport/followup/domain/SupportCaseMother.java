package org.peersupport.followup.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Cases for the tests: opened at a fixed time under the default clocks. */
final class SupportCaseMother {

    static final Instant OPENED = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant CONTACTED = OPENED.plus(Duration.ofHours(5));
    static final CaseSettings DEFAULT = new CaseSettings(Duration.ofHours(24), Duration.ofHours(4), new CheckInSchedule(
            List.of(Duration.ofHours(72), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90))),
            Duration.ofHours(48));

    private SupportCaseMother() {
    }

    static SupportCase open() {
        return SupportCase.open("r1", "lakeside", "s1", false, OPENED, DEFAULT).state();
    }

    static SupportCase contacted() {
        return open().firstContact(CONTACTED, DEFAULT).state();
    }

    /** Contacted, with the first {@code due} check-ins fallen due on time. */
    static SupportCase afterCheckIns(int due) {
        SupportCase supportCase = contacted();
        for (int number = 1; number <= due; number++) {
            supportCase = supportCase.checkInDue(number,
                    DEFAULT.schedule().dueAt(CONTACTED, number).orElseThrow(), DEFAULT).state();
        }
        return supportCase;
    }

    /** A case stored before the first-contact clock existed, its check-ins counted from the opening. */
    static SupportCase legacy(int due) {
        return new SupportCase("r1", "lakeside", "s1", OPENED, due, SupportCase.Status.OPEN);
    }
}
