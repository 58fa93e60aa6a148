package org.peersupport.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peersupport.matching.domain.AssignmentMother.TERMS;
import static org.peersupport.matching.domain.AssignmentMother.match;
import static org.peersupport.matching.domain.SupporterMother.NOW;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.OfferDeclined;
import org.peersupport.events.OfferExpired;
import org.peersupport.events.OfferMade;
import org.peersupport.events.OfferWithdrawn;
import org.peersupport.platform.kernel.Decision;

class AssignmentTest {

    private final Supporter first = SupporterMother.nurse("s1");
    private final Supporter second = SupporterMother.nurse("s2");

    @Test
    void theBestCandidateGetsAnOfferOpenForTheWindowWithItsExpiryTimerAndItsWhy() {
        Decision<Assignment> opened = Assignment.open(MatchRequestMother.nurseAtLakeside(), "rq-1", match(first),
                NOW, TERMS);

        assertThat(opened.state().status()).isEqualTo(Assignment.Status.OFFERED);
        assertThat(opened.state().supporterId()).isEqualTo("s1");
        assertThat(opened.state().offeredUntil()).isEqualTo(NOW.plusSeconds(7_200));
        assertThat(opened.state().why().supporterId()).isEqualTo("s1");
        assertThat(opened.events()).singleElement().isInstanceOfSatisfying(OfferMade.class, made -> {
            assertThat(made.supporterId()).isEqualTo("s1");
            assertThat(made.expiresAt()).isEqualTo(NOW.plusSeconds(7_200));
        });
        assertThat(opened.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.type()).isEqualTo(Assignment.OFFER_TIMER);
            assertThat(timer.dueAt()).isEqualTo(NOW.plusSeconds(7_200));
            assertThat(Assignment.offerAttempt(timer.payload())).isEqualTo(opened.state().attempt());
        });
    }

    @Test
    void anUrgentRequestsOfferIsOpenForTheUrgentWindow() {
        Assignment offered = AssignmentMother.offeredTo(MatchRequestMother.nurse().urgent().build(), first);

        assertThat(offered.offeredUntil()).isEqualTo(NOW.plusSeconds(1_800));
    }

    @Test
    void acceptingMakesTheRequestTheSupportersToReserveAndChecksBackInCaseSettlingStops() {
        Decision<Assignment> accepted = AssignmentMother.offeredTo(first).accept("s1", NOW);

        assertThat(accepted.state().status()).isEqualTo(Assignment.Status.DECIDING);
        assertThat(accepted.events()).isEmpty();
        assertThat(accepted.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.type()).isEqualTo(Assignment.OFFER_TIMER);
            assertThat(timer.dueAt()).isEqualTo(NOW.plus(Assignment.ACCEPTED_CHECK));
        });
        assertThat(accepted.state().reserved().status()).isEqualTo(Assignment.Status.ACTIVE);
        assertThat(accepted.state().offerTimerFired(accepted.state().attempt(), match(second), NOW, TERMS).changed())
                .isFalse();
    }

    @Test
    void acceptingAgainChangesNothingAndNobodyElseCanAccept() {
        Assignment deciding = AssignmentMother.decidingOn(first);

        assertThat(deciding.accept("s1", NOW).changed()).isFalse();
        assertThat(deciding.reserved().accept("s1", NOW).changed()).isFalse();
        assertThatThrownBy(() -> AssignmentMother.offeredTo(first).accept("s2", NOW)).isInstanceOf(OfferNotOpen.class);
        assertThatThrownBy(() -> deciding.accept("s2", NOW)).isInstanceOf(OfferNotOpen.class);
        assertThatThrownBy(() -> AssignmentMother.escalated().accept("s1", NOW)).isInstanceOf(OfferNotOpen.class);
    }

    @Test
    void aDeclineOffersTheNextCandidateAndPassesTheDeclinerOver() {
        Assignment offered = AssignmentMother.offeredTo(first);

        Decision<Assignment> declined = offered.decline("s1", match(second), NOW, TERMS);

        assertThat(declined.state().status()).isEqualTo(Assignment.Status.OFFERED);
        assertThat(declined.state().supporterId()).isEqualTo("s2");
        assertThat(declined.state().attempt()).isEqualTo(offered.attempt() + 1);
        assertThat(declined.state().passedOver()).containsExactly("s1");
        assertThat(declined.events()).hasSize(2);
        assertThat(declined.events()).filteredOn(OfferDeclined.class::isInstance).singleElement()
                .extracting(event -> ((OfferDeclined) event).supporterId()).isEqualTo("s1");
        assertThat(declined.events()).filteredOn(OfferMade.class::isInstance).singleElement()
                .extracting(event -> ((OfferMade) event).supporterId()).isEqualTo("s2");
        assertThatThrownBy(() -> declined.state().decline("s1", List.of(), NOW, TERMS))
                .isInstanceOf(OfferNotOpen.class);
    }

    @Test
    void anExpiredOfferGoesToTheNextAndALateTimerChangesNothing() {
        Assignment offered = AssignmentMother.offeredTo(first);

        Decision<Assignment> expired = offered.offerTimerFired(offered.attempt(), match(second), NOW, TERMS);
        Decision<Assignment> late = expired.state().offerTimerFired(offered.attempt(), List.of(), NOW, TERMS);

        assertThat(expired.state().supporterId()).isEqualTo("s2");
        assertThat(expired.state().passedOver()).containsExactly("s1");
        assertThat(expired.events()).filteredOn(OfferExpired.class::isInstance).singleElement()
                .extracting(event -> ((OfferExpired) event).supporterId()).isEqualTo("s1");
        assertThat(late.changed()).isFalse();
    }

    @Test
    void afterTheLastAllowedFailedOfferTheCoordinatorIsToldOnceAndTheOffersGoOn() {
        Assignment current = AssignmentMother.offeredTo(SupporterMother.nurse("s0"));
        int escalations = 0;
        for (int i = 1; i <= 5; i++) {
            Decision<Assignment> declined = current.decline(current.supporterId(),
                    match(SupporterMother.nurse("s" + i)), NOW, TERMS);
            long told = declined.events().stream().filter(MatchEscalated.class::isInstance).count();
            if (told > 0) {
                assertThat(i).as("the decline that reached the limit").isEqualTo(TERMS.maxFailedOffers());
                assertThat(declined.events()).filteredOn(MatchEscalated.class::isInstance).singleElement()
                        .extracting(event -> ((MatchEscalated) event).reason()).isEqualTo(Assignment.OFFERS_FAILED);
                assertThat(declined.timers()).extracting(Decision.Timer::type).contains(Assignment.RETRY_TIMER);
            }
            escalations += (int) told;
            current = declined.state();
        }

        assertThat(escalations).isEqualTo(1);
        assertThat(current.status()).isEqualTo(Assignment.Status.OFFERED);
        assertThat(current.escalated()).isTrue();
    }

    @Test
    void nobodyToChooseEscalatesOnceAndStartsLookingAgain() {
        Decision<Assignment> opened = Assignment.open(MatchRequestMother.nurseAtLakeside(), "rq-1", List.of(),
                NOW, TERMS);

        assertThat(opened.state().status()).isEqualTo(Assignment.Status.ESCALATED);
        assertThat(opened.events()).singleElement().isInstanceOfSatisfying(MatchEscalated.class,
                escalated -> assertThat(escalated.reason()).isEqualTo(Assignment.NO_ELIGIBLE_SUPPORTER));
        assertThat(opened.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.key()).isEqualTo("retry:1");
            assertThat(timer.dueAt()).isEqualTo(NOW.plusSeconds(30));
            assertThat(timer.payload()).containsEntry(Assignment.RETRY_NUMBER, "1");
        });
    }

    @Test
    void anAcceptanceWithoutAPlaceLeftOffersTheNextWithANewReservationToken() {
        Assignment deciding = AssignmentMother.decidingOn(first);

        Assignment next = deciding.refused(match(second), NOW, TERMS).state();

        assertThat(next.status()).isEqualTo(Assignment.Status.OFFERED);
        assertThat(next.supporterId()).isEqualTo("s2");
        assertThat(next.passedOver()).containsExactly("s1");
        assertThat(next.reservationToken()).isNotEqualTo(deciding.reservationToken());
        assertThat(next.isDeciding(deciding.attempt())).isFalse();
    }

    @Test
    void aRetryThatFindsSomeoneOffersWithoutEscalatingAgain() {
        Assignment escalated = AssignmentMother.escalated();

        Decision<Assignment> retried = escalated.retry(match(first), NOW, TERMS);
        Decision<Assignment> declinedByAll = retried.state().decline("s1", List.of(), NOW, TERMS);

        assertThat(retried.state().status()).isEqualTo(Assignment.Status.OFFERED);
        assertThat(retried.events()).singleElement().isInstanceOf(OfferMade.class);
        assertThat(declinedByAll.state().status()).isEqualTo(Assignment.Status.ESCALATED);
        assertThat(declinedByAll.events()).singleElement().isInstanceOf(OfferDeclined.class);
        assertThat(declinedByAll.timers()).isEmpty();
    }

    @Test
    void aRetryTimerSchedulesTheNextUntilTheRequestIsAssigned() {
        Assignment escalated = AssignmentMother.escalated();

        Decision<Assignment> stillNobody = escalated.retryTimerFired(1, List.of(), NOW, TERMS);
        Decision<Assignment> found = escalated.retryTimerFired(1, match(first), NOW, TERMS);
        Assignment active = found.state().accept("s1", NOW).state().reserved();

        assertThat(stillNobody.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.key()).isEqualTo("retry:2");
            assertThat(timer.dueAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(timer.payload()).containsEntry(Assignment.RETRY_NUMBER, "2");
        });
        assertThat(found.state().status()).isEqualTo(Assignment.Status.OFFERED);
        assertThat(found.timers()).extracting(Decision.Timer::type)
                .containsExactlyInAnyOrder(Assignment.OFFER_TIMER, Assignment.RETRY_TIMER);
        assertThat(active.retryTimerFired(2, List.of(), NOW, TERMS).timers()).isEmpty();
    }

    @Test
    void onlyADecidingAssignmentCanBeReservedOrRefused() {
        Assignment offered = AssignmentMother.offeredTo(first);

        assertThatThrownBy(offered::reserved).isInstanceOf(AssignmentNotInThatState.class);
        assertThatThrownBy(() -> offered.refused(List.of(), NOW, TERMS))
                .isInstanceOf(AssignmentNotInThatState.class);
    }

    @Test
    void aWithdrawalEndsTheAnswerAtAnyStageAndKeepsTheChosenSupporterToFreeTheirPlace() {
        Assignment active = AssignmentMother.decidingOn(first).reserved();

        Decision<Assignment> withdrawn = active.withdrawOffers(NOW.plusSeconds(60));

        assertThat(withdrawn.state().status()).isEqualTo(Assignment.Status.WITHDRAWN);
        assertThat(withdrawn.state().supporterId()).isEqualTo("s1");
        assertThat(withdrawn.events()).isEmpty();
        assertThat(withdrawn.state().withdrawOffers(NOW.plusSeconds(90)).changed()).isFalse();
    }

    @Test
    void aRetryTimerOfAWithdrawnRequestChangesNothingAndSchedulesNoOther() {
        Assignment withdrawn = AssignmentMother.escalated().withdrawOffers(NOW.plusSeconds(10)).state();

        Decision<Assignment> fired = withdrawn.retryTimerFired(1, match(first), NOW.plusSeconds(30), TERMS);

        assertThat(fired.changed()).isFalse();
        assertThat(fired.timers()).isEmpty();
        assertThat(fired.state().status()).isEqualTo(Assignment.Status.WITHDRAWN);
        assertThatThrownBy(() -> withdrawn.retry(match(first), NOW, TERMS))
                .isInstanceOf(AssignmentNotInThatState.class);
    }

    @Test
    void aCoordinatorAssigningByHandWithdrawsTheOpenOfferAndReservesNext() {
        Assignment offered = AssignmentMother.offeredTo(first);
        Candidate chosen = CandidateMother.free(SupporterMother.physician("s9"));

        Decision<Assignment> byHand = offered.assignByHand(chosen, new MatchPolicy().explain(offered.request(),
                chosen, offered.passedOver(), NOW), NOW);

        assertThat(byHand.state().status()).isEqualTo(Assignment.Status.DECIDING);
        assertThat(byHand.state().supporterId()).isEqualTo("s9");
        assertThat(byHand.state().why().supporterId()).isEqualTo("s9");
        assertThat(byHand.events()).singleElement().isInstanceOfSatisfying(OfferWithdrawn.class,
                withdrawn -> assertThat(withdrawn.supporterId()).isEqualTo("s1"));
    }

    @Test
    void aChoiceByHandOverridesPreferencesButNeverCapacityConflictsOrInvolvement() {
        MatchRequest request = MatchRequestMother.nurse().involvedIn("trigger-1").language("es").build();
        Assignment escalated = Assignment.open(request, "rq-1", List.of(), NOW, TERMS).state();
        Candidate away = CandidateMother.of(SupporterMother.nurse("away"))
                .availability(Availability.onCall().setBySupporter(Availability.Status.AWAY, null)).offered(3).build();
        Candidate full = CandidateMother.of(SupporterMother.nurse("full")).active(3).build();
        Candidate involved = CandidateMother.of(SupporterMother.nurse("involved")).involvedIn("trigger-1").build();
        Candidate conflict = CandidateMother.of(SupporterMother.nurse("conflict"))
                .inConflictWith(MatchRequestMother.REQUESTER).build();

        assertThat(escalated.assignByHand(away, null, NOW).state().supporterId()).isEqualTo("away");
        assertThatThrownBy(() -> escalated.assignByHand(full, null, NOW)).isInstanceOfSatisfying(
                HandAssignmentRefused.class, refused -> assertThat(refused.reason()).isEqualTo("BREAKS_WITHIN_CAPACITY"));
        assertThatThrownBy(() -> escalated.assignByHand(involved, null, NOW)).isInstanceOf(HandAssignmentRefused.class);
        assertThatThrownBy(() -> escalated.assignByHand(conflict, null, NOW)).isInstanceOf(HandAssignmentRefused.class);
        assertThatThrownBy(() -> AssignmentMother.decidingOn(first).assignByHand(away, null, NOW))
                .isInstanceOf(AssignmentNotInThatState.class);
    }

    @Test
    void anUrgentRequestGoesToTheBestFewAtOnceAndTheFirstAcceptanceWithdrawsTheOthers() {
        MatchRequest urgent = MatchRequestMother.nurse().urgent().build();
        Decision<Assignment> broadcast = Assignment.open(urgent, "rq-1", match(urgent, first, second,
                SupporterMother.nurse("s3")), NOW, TERMS);

        Decision<Assignment> accepted = broadcast.state().accept("s2", NOW);

        assertThat(broadcast.state().offeredTo()).containsExactlyInAnyOrder("s1", "s2", "s3");
        assertThat(broadcast.state().supporterId()).isEqualTo("s1");
        assertThat(broadcast.events()).filteredOn(OfferMade.class::isInstance).hasSize(3);
        assertThat(broadcast.timers()).hasSize(1);
        assertThat(accepted.state().status()).isEqualTo(Assignment.Status.DECIDING);
        assertThat(accepted.state().supporterId()).isEqualTo("s2");
        assertThat(accepted.state().offeredTo()).isEmpty();
        assertThat(accepted.events()).extracting(event -> ((OfferWithdrawn) event).supporterId())
                .containsExactly("s1", "s3");
        assertThatThrownBy(() -> accepted.state().accept("s1", NOW)).isInstanceOf(OfferNotOpen.class);
    }

    @Test
    void aBroadcastStaysWithTheOthersUntilTheLastOfThemDeclines() {
        MatchRequest urgent = MatchRequestMother.nurse().urgent().build();
        Assignment broadcast = Assignment.open(urgent, "rq-1", match(urgent, first, second), NOW, TERMS).state();

        Decision<Assignment> oneDeclined = broadcast.decline("s1", match(urgent, SupporterMother.nurse("s3")), NOW,
                TERMS);
        Decision<Assignment> bothDeclined = oneDeclined.state().decline("s2",
                match(urgent, SupporterMother.nurse("s3")), NOW, TERMS);

        assertThat(oneDeclined.state().status()).isEqualTo(Assignment.Status.OFFERED);
        assertThat(oneDeclined.state().offeredTo()).containsExactly("s2");
        assertThat(oneDeclined.state().supporterId()).isEqualTo("s2");
        assertThat(oneDeclined.state().attempt()).isEqualTo(broadcast.attempt());
        assertThat(oneDeclined.events()).singleElement().isInstanceOf(OfferDeclined.class);
        assertThat(bothDeclined.state().offeredTo()).containsExactly("s3");
        assertThat(bothDeclined.state().passedOver()).containsExactlyInAnyOrder("s1", "s2");
    }

    @Test
    void anExpiredBroadcastPassesEveryoneItWasOfferedToOver() {
        MatchRequest urgent = MatchRequestMother.nurse().urgent().build();
        Assignment broadcast = Assignment.open(urgent, "rq-1", match(urgent, first, second), NOW, TERMS).state();

        Decision<Assignment> expired = broadcast.offerTimerFired(broadcast.attempt(), List.of(), NOW, TERMS);

        assertThat(expired.state().status()).isEqualTo(Assignment.Status.ESCALATED);
        assertThat(expired.state().passedOver()).containsExactlyInAnyOrder("s1", "s2");
        assertThat(expired.events()).filteredOn(OfferExpired.class::isInstance).hasSize(2);
    }

    @Test
    void aWithdrawnRequestWithdrawsItsOpenOffersAndEndsTheLooking() {
        MatchRequest urgent = MatchRequestMother.nurse().urgent().build();
        Assignment broadcast = Assignment.open(urgent, "rq-1", match(urgent, first, second), NOW, TERMS).state();

        Decision<Assignment> withdrawn = broadcast.withdrawOffers(NOW);

        assertThat(withdrawn.state().status()).isEqualTo(Assignment.Status.WITHDRAWN);
        assertThat(withdrawn.events()).extracting(event -> ((OfferWithdrawn) event).supporterId())
                .containsExactly("s1", "s2");
        assertThat(withdrawn.state().withdrawOffers(NOW).changed()).isFalse();
        assertThat(withdrawn.state().retryTimerFired(1, match(first), NOW, TERMS).timers()).isEmpty();
        assertThat(withdrawn.state().offerTimerFired(broadcast.attempt(), match(first), NOW, TERMS).changed())
                .isFalse();
        assertThatThrownBy(() -> withdrawn.state().accept("s1", NOW)).isInstanceOf(OfferNotOpen.class);
        assertThat(AssignmentMother.escalated().withdrawOffers(NOW).events()).isEmpty();
    }
}
