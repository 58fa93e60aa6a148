package org.peersupport.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peersupport.matching.domain.SupporterMother.NOW;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.peersupport.events.SupporterAssigned;

class CaseloadTest {

    private final Supporter nurse = SupporterMother.nurse("s1");

    private Assignment decidingOn(String requestId, Supporter supporter) {
        return AssignmentMother.decidingOn(MatchRequestMother.nurse().id(requestId).build(), supporter);
    }

    @Test
    void aReservationTakesAPlaceAndAnnouncesTheAssignment() {
        Caseload.Reservation reservation = Caseload.empty().reserve(nurse, decidingOn("r1", nurse), NOW);

        assertThat(reservation.outcome()).isEqualTo(Caseload.Outcome.RESERVED);
        assertThat(reservation.caseload().active()).isEqualTo(1);
        assertThat(reservation.events()).singleElement().isInstanceOfSatisfying(SupporterAssigned.class, event -> {
            assertThat(event.requestId()).isEqualTo("r1");
            assertThat(event.supporterId()).isEqualTo("s1");
            assertThat(event.requesterRef()).isEqualTo(MatchRequestMother.REQUESTER);
        });
    }

    @Test
    void aReservationRemembersWhenAndForWhomForFairnessAndContinuity() {
        Caseload held = Caseload.empty().reserve(nurse, decidingOn("r1", nurse), NOW).caseload();

        assertThat(held.lastAssignedAt()).isEqualTo(NOW);
        assertThat(held.supportedRequesterRefs()).containsExactly(MatchRequestMother.REQUESTER);
        assertThat(held.release("r1").supportedRequesterRefs()).containsExactly(MatchRequestMother.REQUESTER);
    }

    @Test
    void reservingTheSameRequestAgainChangesNothing() {
        Assignment assignment = decidingOn("r1", nurse);
        Caseload once = Caseload.empty().reserve(nurse, assignment, NOW).caseload();

        Caseload.Reservation again = once.reserve(nurse, assignment, NOW);

        assertThat(again.outcome()).isEqualTo(Caseload.Outcome.ALREADY_HELD);
        assertThat(again.caseload()).isEqualTo(once);
        assertThat(again.events()).isEmpty();
    }

    @Test
    void aFullSupporterRefusesAndKeepsRefusingThatAttemptAfterAPlaceFrees() {
        Caseload full = Caseload.empty();
        for (int i = 0; i < nurse.capacity(); i++) {
            full = full.reserve(nurse, decidingOn("r" + i, nurse), NOW).caseload();
        }
        Assignment late = decidingOn("late", nurse);

        Caseload.Reservation refused = full.reserve(nurse, late, NOW);
        Caseload freed = refused.caseload().release("r0");

        assertThat(refused.outcome()).isEqualTo(Caseload.Outcome.REFUSED);
        assertThat(refused.events()).isEmpty();
        assertThat(freed.reserve(nurse, late, NOW).outcome()).isEqualTo(Caseload.Outcome.REFUSED);
        Assignment nextAttempt = late.refused(AssignmentMother.match(nurse), NOW, AssignmentMother.TERMS).state()
                .accept("s1", NOW).state();
        assertThat(freed.reserve(nurse, nextAttempt, NOW).outcome()).isEqualTo(Caseload.Outcome.RESERVED);
    }

    @Test
    void aLapsedSupporterRefuses() {
        Supporter lapsed = SupporterMother.lapsed("s1");

        assertThat(Caseload.empty().reserve(lapsed, decidingOn("r1", lapsed), NOW).outcome())
                .isEqualTo(Caseload.Outcome.REFUSED);
    }

    @Test
    void releasingFreesThePlace() {
        Caseload held = Caseload.empty().reserve(nurse, decidingOn("r1", nurse), NOW).caseload();

        assertThat(held.release("r1").active()).isZero();
        assertThat(held.release("unknown")).isEqualTo(held);
    }

    @Test
    void theCaseThatReachesTheHospitalsWeeklyNumberGivesACoolDown() {
        CoolDown twoAWeek = new CoolDown(2, Duration.ofHours(48));
        Caseload lastWeek = Caseload.empty().reserve(nurse, decidingOn("old", nurse), NOW.minus(Duration.ofDays(8)),
                twoAWeek).caseload().release("old");

        Caseload.Reservation first = lastWeek.reserve(nurse, decidingOn("r1", nurse), NOW, twoAWeek);
        Caseload.Reservation second = first.caseload().reserve(nurse, decidingOn("r2", nurse), NOW, twoAWeek);

        assertThat(first.coolDownUntil()).isNull();
        assertThat(second.coolDownUntil()).isEqualTo(NOW.plus(Duration.ofHours(48)));
        assertThat(second.caseload().takenThisWeek()).containsExactly(NOW, NOW);
        assertThat(Caseload.empty().reserve(nurse, decidingOn("r1", nurse), NOW, CoolDown.NONE).coolDownUntil())
                .isNull();
    }
}
