package org.peersupport.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peersupport.matching.domain.SupporterMother.NOW;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.MatchEscalated;

class AssignmentTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10));
    private final MatchRequest request = new MatchRequest("r1", "lakeside", ClinicalRole.NURSE);

    @Test
    void aChosenSupporterIsReservedBeforeTheAssignmentIsActive() {
        Assignment.Decision opened = Assignment.open(request, "rq-1", Optional.of(SupporterMother.nurse("s1")), NOW,
                schedule);

        assertThat(opened.assignment().status()).isEqualTo(Assignment.Status.DECIDING);
        assertThat(opened.assignment().supporterId()).isEqualTo("s1");
        assertThat(opened.events()).isEmpty();
        assertThat(opened.assignment().reserved().status()).isEqualTo(Assignment.Status.ACTIVE);
    }

    @Test
    void nobodyToChooseEscalatesOnceAndStartsLookingAgain() {
        Assignment.Decision opened = Assignment.open(request, "rq-1", Optional.empty(), NOW, schedule);

        assertThat(opened.assignment().status()).isEqualTo(Assignment.Status.ESCALATED);
        assertThat(opened.events()).singleElement().isInstanceOf(MatchEscalated.class);
        assertThat(opened.timers()).containsExactly(new Assignment.RetryTimer(1, NOW.plusSeconds(30)));
    }

    @Test
    void aRefusedAttemptMovesToTheNextChoiceWithANewReservationToken() {
        Assignment deciding = Assignment.open(request, "rq-1", Optional.of(SupporterMother.nurse("s1")), NOW,
                schedule).assignment();

        Assignment next = deciding.refused(Optional.of(SupporterMother.nurse("s2")), NOW, schedule).assignment();

        assertThat(next.supporterId()).isEqualTo("s2");
        assertThat(next.reservationToken()).isNotEqualTo(deciding.reservationToken());
        assertThat(next.isDeciding(deciding.attempt())).isFalse();
    }

    @Test
    void aRetryThatFindsSomeoneDecidesWithoutEscalatingAgain() {
        Assignment escalated = Assignment.open(request, "rq-1", Optional.empty(), NOW, schedule).assignment();

        Assignment.Decision retried = escalated.retry(Optional.of(SupporterMother.nurse("s1")), NOW);
        Assignment.Decision refusedAgain = retried.assignment().refused(Optional.empty(), NOW, schedule);

        assertThat(retried.assignment().status()).isEqualTo(Assignment.Status.DECIDING);
        assertThat(refusedAgain.assignment().status()).isEqualTo(Assignment.Status.ESCALATED);
        assertThat(refusedAgain.events()).isEmpty();
        assertThat(refusedAgain.timers()).isEmpty();
    }

    @Test
    void aRetryTimerSchedulesTheNextUntilTheRequestIsAssigned() {
        Assignment escalated = Assignment.open(request, "rq-1", Optional.empty(), NOW, schedule).assignment();

        Assignment.Decision stillNobody = escalated.retryTimerFired(1, Optional.empty(), NOW, schedule);
        Assignment.Decision found = escalated.retryTimerFired(1, Optional.of(SupporterMother.nurse("s1")), NOW,
                schedule);
        Assignment active = found.assignment().reserved();

        assertThat(stillNobody.timers()).containsExactly(new Assignment.RetryTimer(2, NOW.plusSeconds(60)));
        assertThat(found.assignment().status()).isEqualTo(Assignment.Status.DECIDING);
        assertThat(found.timers()).hasSize(1);
        assertThat(active.retryTimerFired(2, Optional.empty(), NOW, schedule).timers()).isEmpty();
    }

    @Test
    void onlyADecidingAssignmentCanBeReservedOrRefused() {
        Assignment escalated = Assignment.open(request, "rq-1", Optional.empty(), NOW, schedule).assignment();

        assertThatThrownBy(escalated::reserved).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> escalated.refused(Optional.empty(), NOW, schedule))
                .isInstanceOf(IllegalStateException.class);
    }
}
