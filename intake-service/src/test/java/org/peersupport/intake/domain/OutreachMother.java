package org.peersupport.intake.domain;

import java.time.Duration;
import java.time.Instant;
import org.peersupport.events.OutreachOrigin;
import org.peersupport.events.ReasonCategory;

/** Outreach offers for the tests: a Lakeside nurse named by a trigger, offered for 72 hours, in each state. */
final class OutreachMother {

    static final Instant OFFERED_AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration WINDOW = Duration.ofHours(72);
    static final Instant WITHIN = OFFERED_AT.plus(Duration.ofHours(1));
    static final Instant AFTER = OFFERED_AT.plus(WINDOW).plusSeconds(1);

    private OutreachMother() {
    }

    static Outreach offered() {
        return Outreach.offer("o1", "lakeside", "rq-1", OutreachOrigin.TRIGGER, "t1", ReasonCategory.ADVERSE_EVENT,
                OFFERED_AT, OFFERED_AT.plus(WINDOW)).state();
    }

    static Outreach referred() {
        return Outreach.offer("o2", "lakeside", "rq-2", OutreachOrigin.REFERRAL, null, null, OFFERED_AT,
                OFFERED_AT.plus(WINDOW))
                .state();
    }

    static Outreach accepted() {
        return offered().accept(WITHIN).state();
    }

    static Outreach declined() {
        return offered().decline(WITHIN).state();
    }

    static Outreach expired() {
        return offered().expire(AFTER).state();
    }
}
