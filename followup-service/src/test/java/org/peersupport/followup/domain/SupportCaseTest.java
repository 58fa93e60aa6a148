package org.peersupport.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peersupport.followup.domain.SupportCaseMother.CONTACTED;
import static org.peersupport.followup.domain.SupportCaseMother.DEFAULT;
import static org.peersupport.followup.domain.SupportCaseMother.OPENED;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.CheckInMissed;
import org.peersupport.events.CheckInOutcome;
import org.peersupport.events.CheckInRecorded;
import org.peersupport.events.ClosureReason;
import org.peersupport.events.FirstContactMade;
import org.peersupport.events.ReferralCategory;
import org.peersupport.events.ReferralMade;
import org.peersupport.events.SlaBreached;
import org.peersupport.events.SlaClock;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.DomainRuleBroken;

class SupportCaseTest {

    @Test
    void openingStartsTheFirstContactClockAndNoCheckInYet() {
        Decision<SupportCase> decision = SupportCase.open("r1", "lakeside", "s1", false, OPENED, DEFAULT);

        assertThat(decision.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.type()).isEqualTo(SupportCase.FIRST_CONTACT_TIMER);
            assertThat(timer.dueAt()).isEqualTo(OPENED.plus(Duration.ofHours(24)));
            assertThat(timer.id("r1")).isEqualTo("r1:first-contact");
        });
        assertThat(decision.events()).singleElement().isInstanceOfSatisfying(CaseOpened.class, e -> {
            assertThat(e.firstContactDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(24)));
            assertThat(e.firstCheckInDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(72)));
        });
    }

    @Test
    void anUrgentCaseRunsTheShorterFirstContactClock() {
        Decision<SupportCase> decision = SupportCase.open("r1", "lakeside", "s1", true, OPENED, DEFAULT);

        assertThat(decision.state().firstContactDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(4)));
    }

    @Test
    void theFirstContactStartsTheCheckInsCountedFromIt() {
        Decision<SupportCase> decision = SupportCaseMother.open().firstContact(CONTACTED, DEFAULT);

        assertThat(decision.events()).singleElement().isInstanceOfSatisfying(FirstContactMade.class, e -> {
            assertThat(e.inTime()).isTrue();
            assertThat(e.dueAt()).isEqualTo(OPENED.plus(Duration.ofHours(24)));
        });
        assertThat(decision.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.id("r1")).isEqualTo("r1:check-in:1");
            assertThat(timer.dueAt()).isEqualTo(CONTACTED.plus(Duration.ofHours(72)));
        });
        assertThat(decision.state().firstContact(CONTACTED.plusSeconds(60), DEFAULT).changed()).isFalse();
    }

    @Test
    void theClockRunningOutWithoutContactTellsTheCoordinatorOnce() {
        Instant due = OPENED.plus(Duration.ofHours(24));
        Decision<SupportCase> breached = SupportCaseMother.open().firstContactClockRanOut(due);

        assertThat(breached.events()).singleElement().isInstanceOfSatisfying(SlaBreached.class, e -> {
            assertThat(e.clock()).isEqualTo(SlaClock.FIRST_CONTACT);
            assertThat(e.dueAt()).isEqualTo(due);
        });
        assertThat(breached.state().firstContactClockRanOut(due).changed()).isFalse();
        Decision<SupportCase> late = breached.state().firstContact(due.plusSeconds(60), DEFAULT);
        assertThat(late.events()).singleElement().isInstanceOfSatisfying(FirstContactMade.class,
                e -> assertThat(e.inTime()).isFalse());
    }

    @Test
    void theClockRunningOutAfterTheContactChangesNothing() {
        assertThat(SupportCaseMother.contacted().firstContactClockRanOut(OPENED.plus(Duration.ofHours(24))).changed())
                .isFalse();
    }

    @Test
    void eachDueCheckInStartsItsGraceAndSchedulesTheNextUntilTheScheduleEnds() {
        Instant thirdDue = CONTACTED.plus(Duration.ofDays(30));
        Decision<SupportCase> third = SupportCaseMother.afterCheckIns(2).checkInDue(3, thirdDue, DEFAULT);
        Decision<SupportCase> last = third.state().checkInDue(4, CONTACTED.plus(Duration.ofDays(90)), DEFAULT);

        assertThat(third.timers()).hasSize(2).anySatisfy(timer -> {
            assertThat(timer.type()).isEqualTo(SupportCase.CHECK_IN_TIMER);
            assertThat(timer.dueAt()).isEqualTo(CONTACTED.plus(Duration.ofDays(90)));
            assertThat(timer.payload()).containsEntry(SupportCase.CHECK_IN_NUMBER, "4");
        }).anySatisfy(timer -> {
            assertThat(timer.type()).isEqualTo(SupportCase.CHECK_IN_GRACE_TIMER);
            assertThat(timer.dueAt()).isEqualTo(thirdDue.plus(Duration.ofHours(48)));
            assertThat(timer.id("r1")).isEqualTo("r1:check-in-grace:3");
        });
        assertThat(last.timers()).singleElement().satisfies(
                timer -> assertThat(timer.type()).isEqualTo(SupportCase.CHECK_IN_GRACE_TIMER));
        assertThat(last.events()).singleElement().isInstanceOfSatisfying(CheckInDue.class,
                e -> assertThat(e.checkInNumber()).isEqualTo(4));
    }

    @Test
    void aCheckInThatAlreadyFellDueChangesNothing() {
        SupportCase afterFirst = SupportCaseMother.afterCheckIns(1);

        Decision<SupportCase> again = afterFirst.checkInDue(1, OPENED, DEFAULT);

        assertThat(again.changed()).isFalse();
        assertThat(again.events()).isEmpty();
        assertThat(again.timers()).isEmpty();
    }

    @Test
    void aCaseStoredBeforeTheFirstContactClockKeepsItsCheckInsFromTheOpening() {
        Decision<SupportCase> second = SupportCaseMother.legacy(1).checkInDue(2, OPENED.plus(Duration.ofDays(7)),
                DEFAULT);
        Decision<SupportCase> contact = SupportCaseMother.legacy(1).firstContact(CONTACTED, DEFAULT);

        assertThat(second.timers()).anySatisfy(timer -> assertThat(timer.dueAt())
                .isEqualTo(OPENED.plus(Duration.ofDays(30))));
        assertThat(contact.timers()).isEmpty();
        assertThat(contact.events()).singleElement().isInstanceOf(FirstContactMade.class);
    }

    @Test
    void anOutcomeIsRecordedOnlyForADueCheckInAndOnlyOnce() {
        SupportCase afterFirst = SupportCaseMother.afterCheckIns(1);

        Decision<SupportCase> recorded = afterFirst.recordCheckIn(1, CheckInOutcome.COMPLETED, CONTACTED);

        assertThat(recorded.events()).singleElement().isInstanceOfSatisfying(CheckInRecorded.class,
                e -> assertThat(e.outcome()).isEqualTo(CheckInOutcome.COMPLETED));
        assertThat(recorded.state().recordCheckIn(1, CheckInOutcome.COMPLETED, CONTACTED).changed()).isFalse();
        assertRefused(() -> recorded.state().recordCheckIn(1, CheckInOutcome.NO_ANSWER, CONTACTED),
                "CHECK_IN_ALREADY_RECORDED");
        assertRefused(() -> afterFirst.recordCheckIn(2, CheckInOutcome.COMPLETED, CONTACTED), "CHECK_IN_NOT_DUE");
    }

    @Test
    void aCheckInWithoutOutcomeAtTheEndOfItsGraceIsMissedAndOneWithAnOutcomeIsNot() {
        Instant graceOver = CONTACTED.plus(Duration.ofHours(72 + 48));
        SupportCase afterFirst = SupportCaseMother.afterCheckIns(1);

        Decision<SupportCase> missed = afterFirst.checkInGraceOver(1, graceOver);
        Decision<SupportCase> recorded = afterFirst.recordCheckIn(1, CheckInOutcome.NO_ANSWER, CONTACTED).state()
                .checkInGraceOver(1, graceOver);

        assertThat(missed.events()).singleElement().isInstanceOfSatisfying(CheckInMissed.class,
                e -> assertThat(e.checkInNumber()).isEqualTo(1));
        assertThat(missed.state().checkIn(1).orElseThrow().missed()).isTrue();
        assertThat(missed.state().checkInGraceOver(1, graceOver).changed()).isFalse();
        assertThat(recorded.changed()).isFalse();
        assertThat(missed.state().recordCheckIn(1, CheckInOutcome.COMPLETED, graceOver).changed())
                .as("a missed check-in may still be recorded").isTrue();
    }

    @Test
    void theEndOfTheLastCheckInsGraceClosesTheCase() {
        SupportCase afterLast = SupportCaseMother.afterCheckIns(4)
                .recordCheckIn(4, CheckInOutcome.COMPLETED, CONTACTED).state();

        Decision<SupportCase> closed = afterLast.checkInGraceOver(4, CONTACTED.plus(Duration.ofDays(92)));

        assertThat(closed.state().status()).isEqualTo(SupportCase.Status.CLOSED);
        assertThat(closed.events()).singleElement().isInstanceOfSatisfying(CaseClosed.class,
                e -> assertThat(e.reason()).isEqualTo(ClosureReason.AFTER_LAST_CHECK_IN));
    }

    @Test
    void aReferralIsMadeOncePerCategory() {
        Decision<SupportCase> referred = SupportCaseMother.contacted().refer(ReferralCategory.EAP, CONTACTED);

        assertThat(referred.events()).singleElement().isInstanceOfSatisfying(ReferralMade.class,
                e -> assertThat(e.category()).isEqualTo(ReferralCategory.EAP));
        assertThat(referred.state().refer(ReferralCategory.EAP, CONTACTED).changed()).isFalse();
    }

    @Test
    void aClosedCaseRefusesTheSupportersStepsAndItsTimersDoNothing() {
        Decision<SupportCase> closed = SupportCaseMother.afterCheckIns(1).close(ClosureReason.BY_SUPPORTER, CONTACTED);
        SupportCase state = closed.state();

        assertThat(closed.events()).singleElement().isInstanceOfSatisfying(CaseClosed.class,
                e -> assertThat(e.reason()).isEqualTo(ClosureReason.BY_SUPPORTER));
        assertThat(state.close(ClosureReason.BY_SUPPORTER, CONTACTED).changed()).isFalse();
        assertThat(state.checkInDue(2, CONTACTED, DEFAULT).changed()).isFalse();
        assertThat(state.checkInGraceOver(1, CONTACTED).changed()).isFalse();
        assertThat(state.firstContactClockRanOut(CONTACTED).changed()).isFalse();
        assertRefused(() -> state.recordCheckIn(1, CheckInOutcome.COMPLETED, CONTACTED), "CASE_CLOSED");
        assertRefused(() -> state.refer(ReferralCategory.EAP, CONTACTED), "CASE_CLOSED");
        assertRefused(() -> state.firstContact(CONTACTED, DEFAULT), "CASE_CLOSED");
    }

    @Test
    void theFeedbackLinkIsTakenOnceAndOnlyFromACaseClosedWithSupport() {
        SupportCase closed = SupportCaseMother.contacted().close(ClosureReason.BY_SUPPORTER, CONTACTED).state();
        SupportCase taken = closed.takeFeedbackLink().state();

        assertThat(taken.feedbackLinkTaken()).isTrue();
        assertRefused(taken::takeFeedbackLink, "NO_FEEDBACK_LINK");
        assertRefused(() -> SupportCaseMother.contacted().takeFeedbackLink(), "CASE_NOT_CLOSED");
        assertRefused(() -> SupportCaseMother.open().withdrawn(CONTACTED).state().takeFeedbackLink(),
                "NO_FEEDBACK_LINK");
    }

    @Test
    void aTimerSaysItsCheckInByPayloadAndATimerStoredWithoutOneByItsId() {
        assertThat(SupportCase.checkInNumber(Map.of(SupportCase.CHECK_IN_NUMBER, "3"), "r1:check-in:3")).isEqualTo(3);
        assertThat(SupportCase.checkInNumber(Map.of(), "r1:check-in:2")).isEqualTo(2);
    }

    @Test
    void aWithdrawalClosesTheCaseSoALaterTimerPublishesNothing() {
        Decision<SupportCase> closed = SupportCaseMother.open().withdrawn(CONTACTED);

        assertThat(closed.state().status()).isEqualTo(SupportCase.Status.CLOSED);
        assertThat(closed.events()).singleElement().isInstanceOfSatisfying(CaseClosed.class,
                e -> assertThat(e.reason()).isEqualTo(ClosureReason.WITHDRAWN));
        Decision<SupportCase> late = closed.state().firstContactClockRanOut(OPENED.plus(Duration.ofHours(24)));
        assertThat(late.changed()).isFalse();
        assertThat(late.events()).isEmpty();
        assertThat(late.timers()).isEmpty();
        assertThat(closed.state().withdrawn(CONTACTED).changed()).isFalse();
    }

    @Test
    void aRequestWithdrawnBeforeItsAssignmentArrivedIsAClosedCaseWithoutSupporter() {
        Decision<SupportCase> closed = SupportCase.withdrawnBeforeOpening("r1", "lakeside", OPENED);

        assertThat(closed.state().status()).isEqualTo(SupportCase.Status.CLOSED);
        assertThat(closed.state().supporterId()).isNull();
        assertThat(closed.events()).isEmpty();
        assertThat(closed.timers()).isEmpty();
    }

    private static void assertRefused(Runnable step, String reason) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(DomainRuleBroken.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
