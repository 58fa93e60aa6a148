package org.peersupport.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peersupport.matching.domain.SupporterMother.NOW;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.events.MatchEscalated;

class AssignmentTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10));
    private final MatchRequest request = MatchRequestMother.nurseAtLakeside();

    @Test
    void aChosenSupporterIsReservedBeforeTheAssignmentIsActive() {
        Decision<Assignment> opened = Assignment.open(request, "rq-1", Optional.of(SupporterMother.nurse("s1")), NOW,
                schedule);

        assertThat(opened.state().status()).isEqualTo(Assignment.Status.DECIDING);
        assertThat(opened.state().supporterId()).isEqualTo("s1");
        assertThat(opened.events()).isEmpty();
        assertThat(opened.state().reserved().status()).isEqualTo(Assignment.Status.ACTIVE);
    }

    @Test
    void nobodyToChooseEscalatesOnceAndStartsLookingAgain() {
        Decision<Assignment> opened = Assignment.open(request, "rq-1", Optional.empty(), NOW, schedule);

        assertThat(opened.state().status()).isEqualTo(Assignment.Status.ESCALATED);
        assertThat(opened.events()).singleElement().isInstanceOf(MatchEscalated.class);
        assertThat(opened.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.key()).isEqualTo("retry:1");
            assertThat(timer.dueAt()).isEqualTo(NOW.plusSeconds(30));
            assertThat(timer.payload()).containsEntry(Assignment.RETRY_NUMBER, "1");
        });
    }

    @Test
    void aRefusedAttemptMovesToTheNextChoiceWithANewReservationToken() {
        Assignment deciding = Assignment.open(request, "rq-1", Optional.of(SupporterMother.nurse("s1")), NOW,
                schedule).state();

        Assignment next = deciding.refused(Optional.of(SupporterMother.nurse("s2")), NOW, schedule).state();

        assertThat(next.supporterId()).isEqualTo("s2");
        assertThat(next.reservationToken()).isNotEqualTo(deciding.reservationToken());
        assertThat(next.isDeciding(deciding.attempt())).isFalse();
    }

    @Test
    void aRetryThatFindsSomeoneDecidesWithoutEscalatingAgain() {
        Assignment escalated = Assignment.open(request, "rq-1", Optional.empty(), NOW, schedule).state();

        Decision<Assignment> retried = escalated.retry(Optional.of(SupporterMother.nurse("s1")), NOW);
        Decision<Assignment> refusedAgain = retried.state().refused(Optional.empty(), NOW, schedule);

        assertThat(retried.state().status()).isEqualTo(Assignment.Status.DECIDING);
        assertThat(refusedAgain.state().status()).isEqualTo(Assignment.Status.ESCALATED);
        assertThat(refusedAgain.events()).isEmpty();
        assertThat(refusedAgain.timers()).isEmpty();
    }

    @Test
    void aRetryTimerSchedulesTheNextUntilTheRequestIsAssigned() {
        Assignment escalated = Assignment.open(request, "rq-1", Optional.empty(), NOW, schedule).state();

        Decision<Assignment> stillNobody = escalated.retryTimerFired(1, Optional.empty(), NOW, schedule);
        Decision<Assignment> found = escalated.retryTimerFired(1, Optional.of(SupporterMother.nurse("s1")), NOW,
                schedule);
        Assignment active = found.state().reserved();

        assertThat(stillNobody.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.key()).isEqualTo("retry:2");
            assertThat(timer.dueAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(timer.payload()).containsEntry(Assignment.RETRY_NUMBER, "2");
        });
        assertThat(found.state().status()).isEqualTo(Assignment.Status.DECIDING);
        assertThat(found.timers()).hasSize(1);
        assertThat(active.retryTimerFired(2, Optional.empty(), NOW, schedule).timers()).isEmpty();
    }

    @Test
    void onlyADecidingAssignmentCanBeReservedOrRefused() {
        Assignment escalated = Assignment.open(request, "rq-1", Optional.empty(), NOW, schedule).state();

        assertThatThrownBy(escalated::reserved).isInstanceOf(AssignmentNotInThatState.class);
        assertThatThrownBy(() -> escalated.refused(Optional.empty(), NOW, schedule))
                .isInstanceOf(AssignmentNotInThatState.class);
    }
}
