package org.peersupport.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peersupport.matching.domain.MatchRequestMother.REQUESTER;
import static org.peersupport.matching.domain.SupporterMother.NOW;

import org.junit.jupiter.api.Test;

/** Each hard rule on its own: one candidate it lets through, one it stops. */
class HardRuleTest {

    private final MatchRequest request = MatchRequestMother.nurseAtLakeside();

    private static boolean passes(HardRule rule, MatchRequest request, Candidate candidate) {
        return rule.passes(request, candidate, NOW);
    }

    @Test
    void certifiedAndCurrentStopsALapsedSupporter() {
        assertThat(passes(HardRule.CERTIFIED_AND_CURRENT, request,
                CandidateMother.free(SupporterMother.nurse("s1")))).isTrue();
        assertThat(passes(HardRule.CERTIFIED_AND_CURRENT, request,
                CandidateMother.free(SupporterMother.lapsed("s1")))).isFalse();
    }

    @Test
    void notInvolvedInTheSameEventStopsASupporterNamedInTheRequestersTrigger() {
        MatchRequest involved = MatchRequestMother.nurse().involvedIn("trigger-1", "trigger-2").build();
        Candidate sameEvent = CandidateMother.of(SupporterMother.nurse("s1")).involvedIn("trigger-2").build();
        Candidate otherEvent = CandidateMother.of(SupporterMother.nurse("s2")).involvedIn("trigger-9").build();

        assertThat(passes(HardRule.NOT_INVOLVED_IN_SAME_EVENT, involved, sameEvent)).isFalse();
        assertThat(passes(HardRule.NOT_INVOLVED_IN_SAME_EVENT, involved, otherEvent)).isTrue();
        assertThat(passes(HardRule.NOT_INVOLVED_IN_SAME_EVENT, request, sameEvent)).isTrue();
    }

    @Test
    void notSameUnitStopsAColleagueOfTheUnitUnlessTheRequesterAskedForOne() {
        Candidate sameUnit = CandidateMother.free(SupporterMother.nurseOfUnit("s1", "icu"));
        Candidate otherUnit = CandidateMother.free(SupporterMother.nurseOfUnit("s2", "ed"));

        assertThat(passes(HardRule.NOT_SAME_UNIT, request, sameUnit)).isFalse();
        assertThat(passes(HardRule.NOT_SAME_UNIT, request, otherUnit)).isTrue();
        assertThat(passes(HardRule.NOT_SAME_UNIT, MatchRequestMother.nurse().sameUnitAllowed().build(), sameUnit))
                .isTrue();
        assertThat(passes(HardRule.NOT_SAME_UNIT, MatchRequestMother.nurse().unit(null).build(), sameUnit)).isTrue();
    }

    @Test
    void aUnitOfTheSameNameInAnotherHospitalIsAnotherUnit() {
        MatchRequest network = MatchRequestMother.nurse().network().build();
        Candidate elsewhere = CandidateMother.free(SupporterMother.networkNurseOfUnit("s1", "riverside", "icu"));

        assertThat(passes(HardRule.NOT_SAME_UNIT, network, elsewhere)).isTrue();
    }

    @Test
    void noConflictStopsTheSupervisorTheRequestNamesAndAConflictTheSupporterListed() {
        Candidate supervisor = CandidateMother.free(SupporterMother.nurse("supervisor"));
        Candidate listedConflict = CandidateMother.of(SupporterMother.nurse("s2")).inConflictWith(REQUESTER).build();
        Candidate unrelated = CandidateMother.of(SupporterMother.nurse("s3")).inConflictWith("rq-someone-else")
                .build();
        MatchRequest excludingSupervisor = MatchRequestMother.nurse().excluding("supervisor").build();

        assertThat(passes(HardRule.NO_CONFLICT, excludingSupervisor, supervisor)).isFalse();
        assertThat(passes(HardRule.NO_CONFLICT, request, listedConflict)).isFalse();
        assertThat(passes(HardRule.NO_CONFLICT, excludingSupervisor, unrelated)).isTrue();
    }

    @Test
    void withinCapacityStopsASupporterWhoseCasesAndOpenOffersFillTheirCapacity() {
        assertThat(passes(HardRule.WITHIN_CAPACITY, request,
                CandidateMother.of(SupporterMother.nurse("s1")).active(2).build())).isTrue();
        assertThat(passes(HardRule.WITHIN_CAPACITY, request,
                CandidateMother.of(SupporterMother.nurse("s1")).active(3).build())).isFalse();
        assertThat(passes(HardRule.WITHIN_CAPACITY, request,
                CandidateMother.of(SupporterMother.nurse("s1")).active(2).offered(1).build())).isFalse();
    }

    @Test
    void availableStopsASupporterAwayRestingOrCoolingDown() {
        Availability away = Availability.onCall().setBySupporter(Availability.Status.AWAY, null);
        Availability resting = Availability.onCall().setBySupporter(Availability.Status.ON_CALL, NOW.plusSeconds(60));
        Availability rested = Availability.onCall().setBySupporter(Availability.Status.ON_CALL, NOW);
        Availability coolingDown = Availability.onCall().coolingDownUntil(NOW.plusSeconds(3_600));

        assertThat(passes(HardRule.AVAILABLE, request, withAvailability(Availability.onCall()))).isTrue();
        assertThat(passes(HardRule.AVAILABLE, request, withAvailability(away))).isFalse();
        assertThat(passes(HardRule.AVAILABLE, request, withAvailability(resting))).isFalse();
        assertThat(passes(HardRule.AVAILABLE, request, withAvailability(rested))).isTrue();
        assertThat(passes(HardRule.AVAILABLE, request, withAvailability(coolingDown))).isFalse();
    }

    @Test
    void aCoolDownIsNeverShortenedBySettingAnEarlierEnd() {
        Availability cooling = Availability.onCall().coolingDownUntil(NOW.plusSeconds(3_600));

        assertThat(cooling.coolingDownUntil(NOW.plusSeconds(60)).coolDownUntil()).isEqualTo(NOW.plusSeconds(3_600));
        assertThat(cooling.setBySupporter(Availability.Status.ON_CALL, null).isAvailable(NOW)).isFalse();
    }

    @Test
    void aRestThatEndsLaterAsksForATimerThenAndNoRestAsksForNone() {
        var resting = Availability.onCall().set(Availability.Status.ON_CALL, NOW.plusSeconds(3_600), "lakeside", NOW);
        var onCall = Availability.onCall().set(Availability.Status.ON_CALL, null, "lakeside", NOW);

        assertThat(resting.state().isAvailable(NOW)).isFalse();
        assertThat(resting.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.type()).isEqualTo(Availability.REST_OVER_TIMER);
            assertThat(timer.dueAt()).isEqualTo(NOW.plusSeconds(3_600));
        });
        assertThat(onCall.timers()).isEmpty();
    }

    @Test
    void speaksLanguageStopsASupporterWithoutTheRequestedLanguage() {
        MatchRequest spanish = MatchRequestMother.nurse().language("es").build();

        assertThat(passes(HardRule.SPEAKS_LANGUAGE, spanish,
                CandidateMother.free(SupporterMother.nurseSpeaking("s1", "en", "ES")))).isTrue();
        assertThat(passes(HardRule.SPEAKS_LANGUAGE, spanish,
                CandidateMother.free(SupporterMother.nurseSpeaking("s2", "en")))).isFalse();
        assertThat(passes(HardRule.SPEAKS_LANGUAGE, MatchRequestMother.nurse().language(null).build(),
                CandidateMother.free(SupporterMother.nurseSpeaking("s2", "fr")))).isTrue();
    }

    @Test
    void ownHospitalOrNetworkLetsAnotherHospitalsSupporterInOnlyWhenBothChoseTheNetwork() {
        MatchRequest network = MatchRequestMother.nurse().network().build();
        Candidate networkSupporter = CandidateMother.free(SupporterMother.networkNurse("s1", "riverside"));
        Candidate localOnly = CandidateMother.free(SupporterMother.ofHospital("s2", "riverside"));
        Candidate ownHospital = CandidateMother.free(SupporterMother.nurse("s3"));

        assertThat(passes(HardRule.OWN_HOSPITAL_OR_NETWORK, network, networkSupporter)).isTrue();
        assertThat(passes(HardRule.OWN_HOSPITAL_OR_NETWORK, request, networkSupporter)).isFalse();
        assertThat(passes(HardRule.OWN_HOSPITAL_OR_NETWORK, network, localOnly)).isFalse();
        assertThat(passes(HardRule.OWN_HOSPITAL_OR_NETWORK, request, ownHospital)).isTrue();
        assertThat(passes(HardRule.OWN_HOSPITAL_OR_NETWORK, network, ownHospital)).isTrue();
    }

    private static Candidate withAvailability(Availability availability) {
        return CandidateMother.of(SupporterMother.nurse("s1")).availability(availability).build();
    }
}
