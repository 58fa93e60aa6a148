package org.peersupport.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peersupport.events.GroupDebriefSuggested;
import org.peersupport.events.ReasonCategory;
import org.peersupport.platform.kernel.Decision;

class TriggerTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static Decision<Trigger> naming(int threshold, String... staffRefs) {
        return Trigger.receive("t1", "lakeside", NOW.minusSeconds(600), ReasonCategory.ADVERSE_EVENT,
                List.of(staffRefs), NOW, Duration.ofHours(72), threshold);
    }

    @Test
    void receivingATriggerKeepsEachPersonOnceAndAsksForTheFanOutAtOnceAndOneExpiryOfItsOffers() {
        Decision<Trigger> received = naming(5, "rq-1", "rq-2", "rq-1");

        assertThat(received.state().staffRefs()).containsExactly("rq-1", "rq-2");
        assertThat(received.state().status()).isEqualTo(Trigger.Status.FANNING_OUT);
        assertThat(received.events()).isEmpty();
        assertThat(received.timers()).hasSize(2);
        assertThat(received.timers().get(0).type()).isEqualTo(Trigger.FAN_OUT_TIMER);
        assertThat(received.timers().get(0).dueAt()).isEqualTo(NOW);
        assertThat(received.timers().get(1).type()).isEqualTo(Trigger.OFFERS_EXPIRY_TIMER);
        assertThat(received.timers().get(1).dueAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
        assertThat(received.state().offersExpireAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
    }

    @Test
    void aTriggerNamingAtLeastTheThresholdSuggestsOneGroupDebrief() {
        Decision<Trigger> received = naming(3, "rq-1", "rq-2", "rq-3", "rq-3");

        assertThat(received.events()).singleElement().isInstanceOfSatisfying(GroupDebriefSuggested.class, event -> {
            assertThat(event.triggerId()).isEqualTo("t1");
            assertThat(event.staffCount()).isEqualTo(3);
        });
        assertThat(naming(4, "rq-1", "rq-2", "rq-3", "rq-3").events()).isEmpty();
    }

    @Test
    void fannedOutIsSaidOnce() {
        Trigger fannedOut = naming(5, "rq-1").state().fannedOut().state();

        assertThat(fannedOut.status()).isEqualTo(Trigger.Status.FANNED_OUT);
        assertThat(fannedOut.fannedOut().changed()).isFalse();
    }

    @Test
    void theSameHospitalEventIsTheSameTriggerAndAnotherHospitalsIsNot() {
        assertThat(Trigger.idFor("lakeside", "AE-1")).isEqualTo(Trigger.idFor("lakeside", "AE-1"))
                .isNotEqualTo(Trigger.idFor("riverside", "AE-1"))
                .isNotEqualTo(Trigger.idFor("lakeside", "AE-2"));
    }
}
