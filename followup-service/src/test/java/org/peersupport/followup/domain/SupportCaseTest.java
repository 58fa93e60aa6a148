package org.peersupport.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peersupport.followup.domain.SupportCaseMother.DEFAULT;
import static org.peersupport.followup.domain.SupportCaseMother.OPENED;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CheckInDue;
import org.peersupport.platform.kernel.Decision;

class SupportCaseTest {

    @Test
    void openingSchedulesTheFirstCheckInAfterSeventyTwoHours() {
        Decision<SupportCase> decision = SupportCase.open("r1", "lakeside", "s1", OPENED, DEFAULT);

        assertThat(decision.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.dueAt()).isEqualTo(OPENED.plus(Duration.ofHours(72)));
            assertThat(timer.id("r1")).isEqualTo("r1:check-in:1");
            assertThat(timer.payload()).containsEntry(SupportCase.CHECK_IN_NUMBER, "1");
        });
    }

    @Test
    void eachDueCheckInSchedulesTheNextUntilTheScheduleEnds() {
        Decision<SupportCase> third = SupportCaseMother.afterCheckIns(2)
                .checkInDue(3, OPENED.plus(Duration.ofDays(30)), DEFAULT);
        Decision<SupportCase> last = third.state().checkInDue(4, OPENED.plus(Duration.ofDays(90)), DEFAULT);

        assertThat(third.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.dueAt()).isEqualTo(OPENED.plus(Duration.ofDays(90)));
            assertThat(timer.payload()).containsEntry(SupportCase.CHECK_IN_NUMBER, "4");
        });
        assertThat(last.timers()).isEmpty();
        assertThat(last.events()).singleElement().isInstanceOfSatisfying(CheckInDue.class,
                e -> assertThat(e.checkInNumber()).isEqualTo(4));
    }

    @Test
    void aCheckInThatAlreadyFellDueChangesNothing() {
        SupportCase afterFirst = SupportCaseMother.open().checkInDue(1, OPENED, DEFAULT).state();

        Decision<SupportCase> again = afterFirst.checkInDue(1, OPENED, DEFAULT);

        assertThat(again.changed()).isFalse();
        assertThat(again.events()).isEmpty();
        assertThat(again.timers()).isEmpty();
    }

    @Test
    void aTimerSaysItsCheckInByPayloadAndATimerStoredWithoutOneByItsId() {
        assertThat(SupportCase.checkInNumber(Map.of(SupportCase.CHECK_IN_NUMBER, "3"), "r1:check-in:3")).isEqualTo(3);
        assertThat(SupportCase.checkInNumber(Map.of(), "r1:check-in:2")).isEqualTo(2);
    }

    @Test
    void aWithdrawalClosesTheCaseSoALaterCheckInTimerPublishesNothing() {
        Decision<SupportCase> closed = SupportCaseMother.open().withdrawn();

        assertThat(closed.state().status()).isEqualTo(SupportCase.Status.CLOSED);
        Decision<SupportCase> late = closed.state().checkInDue(1, OPENED.plus(Duration.ofHours(72)), DEFAULT);
        assertThat(late.changed()).isFalse();
        assertThat(late.events()).isEmpty();
        assertThat(late.timers()).isEmpty();
        assertThat(closed.state().withdrawn().changed()).isFalse();
    }

    @Test
    void aRequestWithdrawnBeforeItsAssignmentArrivedIsAClosedCaseWithoutSupporter() {
        Decision<SupportCase> closed = SupportCase.withdrawnBeforeOpening("r1", "lakeside", OPENED);

        assertThat(closed.state().status()).isEqualTo(SupportCase.Status.CLOSED);
        assertThat(closed.state().supporterId()).isNull();
        assertThat(closed.events()).isEmpty();
        assertThat(closed.timers()).isEmpty();
    }
}
