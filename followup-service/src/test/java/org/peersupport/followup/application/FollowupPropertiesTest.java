package org.peersupport.followup.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ReferralCategory;
import org.peersupport.followup.domain.CaseSettings;

class FollowupPropertiesTest {

    static final List<Duration> SCHEDULE = List.of(Duration.ofHours(72), Duration.ofDays(7));
    static final FollowupProperties.ReferralService EAP = new FollowupProperties.ReferralService(ReferralCategory.EAP,
            "EAP", null, null, null);

    static FollowupProperties with(Map<String, FollowupProperties.Hospital> hospitals) {
        return new FollowupProperties(SCHEDULE, Duration.ofHours(24), Duration.ofHours(4), Duration.ofHours(48),
                Duration.ofDays(30), List.of(EAP), hospitals);
    }

    @Test
    void aHospitalOverridesOnlyWhatItGivesAndKeepsTheRest() {
        FollowupProperties properties = with(Map.of("summit", new FollowupProperties.Hospital(null, null,
                Duration.ofMinutes(30), null, null)));

        CaseSettings summit = properties.settingsFor("summit");
        CaseSettings lakeside = properties.settingsFor("lakeside");

        assertThat(summit.firstContactWithin(true)).isEqualTo(Duration.ofMinutes(30));
        assertThat(summit.firstContactWithin(false)).isEqualTo(Duration.ofHours(24));
        assertThat(summit.checkInGrace()).isEqualTo(Duration.ofHours(48));
        assertThat(summit.schedule().dueAt(Instant.EPOCH, 2)).contains(Instant.EPOCH.plus(Duration.ofDays(7)));
        assertThat(lakeside.firstContactWithin(true)).isEqualTo(Duration.ofHours(4));
        assertThat(properties.referralsFor("summit")).containsExactly(EAP);
    }

    @Test
    void aHospitalsEmptyScheduleOrANegativeClockStopsTheStart() {
        assertThatThrownBy(() -> with(Map.of("summit", new FollowupProperties.Hospital(List.of(), null, null, null,
                null)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> with(Map.of("summit", new FollowupProperties.Hospital(null, Duration.ofHours(-1),
                null, null, null)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FollowupProperties.ReferralService(null, "x", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
