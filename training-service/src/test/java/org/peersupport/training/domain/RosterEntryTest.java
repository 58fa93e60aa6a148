package org.peersupport.training.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CertificationLapsed;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.SupporterCertified;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.InvalidValue;

class RosterEntryTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final Duration QUARTER = Duration.ofDays(90);
    static final Profile PROFILE = new Profile(ClinicalRole.NURSE, "ICU-4", List.of("en", "es"),
            List.of(Modality.PHONE), true, 2);

    static RosterEntry nominated() {
        return RosterEntry.nominate("lakeside-staff-9", "lakeside", null, RosterEntry.NominatedBy.COLLEAGUE, PROFILE,
                4, 2).state();
    }

    @Test
    void aNomineeNeedsTheHospitalsYearsOfExperience() {
        assertThatThrownBy(() -> RosterEntry.nominate("x", "lakeside", null, RosterEntry.NominatedBy.SELF, PROFILE,
                1, 2)).isInstanceOf(InvalidValue.class).hasFieldOrPropertyWithValue("field", "yearsOfExperience");
        assertThatThrownBy(() -> RosterEntry.nominate("x", "lakeside", null, RosterEntry.NominatedBy.SELF, PROFILE,
                2, 3)).isInstanceOf(InvalidValue.class);
        assertThat(nominated().status()).isEqualTo(RosterEntry.Status.NOMINATED);
    }

    @Test
    void onlyAnApprovedSupporterIsCertifiedByTheWorkshopWithTheWholeProfile() {
        assertThat(nominated().attended(Course.PEER_SUPPORTER_WORKSHOP, NOW, QUARTER, NOW).changed()).isFalse();
        RosterEntry approved = nominated().approve().state();
        assertThat(approved.attended(Course.LEADER_SUPPORTING_STAFF, NOW, QUARTER, NOW).changed()).isFalse();

        Decision<RosterEntry> certified = approved.attended(Course.PEER_SUPPORTER_WORKSHOP, NOW, QUARTER, NOW);

        assertThat(certified.state().status()).isEqualTo(RosterEntry.Status.CERTIFIED);
        assertThat(certified.state().certifiedUntil()).isEqualTo(NOW.plus(QUARTER));
        assertThat(certified.events()).singleElement().isInstanceOfSatisfying(SupporterCertified.class, e -> {
            assertThat(e.unit()).isEqualTo("ICU-4");
            assertThat(e.takesNetworkRequests()).isTrue();
            assertThat(e.languages()).containsExactly("en", "es");
            assertThat(e.certifiedUntil()).isEqualTo(NOW.plus(QUARTER));
        });
        assertThat(certified.timers()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(RosterEntry.LAPSE_TIMER);
            assertThat(t.dueAt()).isEqualTo(NOW.plus(QUARTER));
        });
    }

    @Test
    void withoutOngoingEducationTheCertificationLapsesAndAnAttendanceReinstatesIt() {
        RosterEntry certified = nominated().approve().state()
                .attended(Course.PEER_SUPPORTER_WORKSHOP, NOW, QUARTER, NOW).state();
        Instant end = certified.certifiedUntil();

        Decision<RosterEntry> lapsed = certified.lapseDue(end, end);

        assertThat(lapsed.state().status()).isEqualTo(RosterEntry.Status.LAPSED);
        assertThat(lapsed.events()).singleElement().isInstanceOfSatisfying(CertificationLapsed.class,
                e -> assertThat(e.certifiedUntil()).isEqualTo(end));
        Instant later = end.plus(Duration.ofDays(10));
        Decision<RosterEntry> reinstated = lapsed.state().attended(Course.PEER_SUPPORT_SALON, later, QUARTER, later);
        assertThat(reinstated.state().status()).isEqualTo(RosterEntry.Status.CERTIFIED);
        assertThat(reinstated.events()).singleElement().isInstanceOf(SupporterCertified.class);
    }

    @Test
    void theLapseTimerOfARenewedCertificationChangesNothing() {
        RosterEntry certified = nominated().approve().state()
                .attended(Course.PEER_SUPPORTER_WORKSHOP, NOW, QUARTER, NOW).state();
        Instant firstEnd = certified.certifiedUntil();
        Instant salon = NOW.plus(Duration.ofDays(60));
        RosterEntry renewed = certified.attended(Course.PEER_SUPPORT_SALON, salon, QUARTER, salon).state();

        assertThat(renewed.certifiedUntil()).isEqualTo(salon.plus(QUARTER));
        assertThat(renewed.lapseDue(firstEnd, firstEnd).changed()).isFalse();
        assertThat(renewed.lapseDue(renewed.certifiedUntil(), renewed.certifiedUntil()).state().status())
                .isEqualTo(RosterEntry.Status.LAPSED);
    }

    @Test
    void aCertifiedSupportersNewProfileGoesToMatching() {
        RosterEntry certified = nominated().approve().state()
                .attended(Course.PEER_SUPPORTER_WORKSHOP, NOW, QUARTER, NOW).state();
        Profile moved = new Profile(ClinicalRole.NURSE, "ED-1", List.of("en"), List.of(Modality.VIDEO), false, 3);

        Decision<RosterEntry> updated = certified.updateProfile(moved, NOW);

        assertThat(updated.events()).singleElement().isInstanceOfSatisfying(SupporterCertified.class, e -> {
            assertThat(e.unit()).isEqualTo("ED-1");
            assertThat(e.takesNetworkRequests()).isFalse();
            assertThat(e.certifiedUntil()).isEqualTo(certified.certifiedUntil());
        });
        assertThat(nominated().updateProfile(moved, NOW).events()).isEmpty();
        assertThat(certified.updateProfile(certified.profile(), NOW).changed()).isFalse();
    }

    @Test
    void approvingACertifiedSupporterIsRefused() {
        RosterEntry certified = nominated().approve().state()
                .attended(Course.PEER_SUPPORTER_WORKSHOP, NOW, QUARTER, NOW).state();
        assertThatThrownBy(certified::approve).isInstanceOf(SupporterNotInThatState.class);
    }
}
