package org.peersupport.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peersupport.matching.domain.MatchRequestMother.REQUESTER;
import static org.peersupport.matching.domain.SupporterMother.NOW;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;

class MatchPolicyTest {

    private final MatchPolicy policy = new MatchPolicy();
    private final MatchRequest nurseAtLakeside = MatchRequestMother.nurseAtLakeside();

    private List<String> order(MatchRequest request, Candidate... candidates) {
        return policy.top(request, List.of(candidates), Set.of(), NOW, candidates.length).stream()
                .map(match -> match.candidate().id()).toList();
    }

    @Test
    void choosesTheSupporterWithFewestActiveCases() {
        var chosen = policy.choose(nurseAtLakeside, List.of(
                new Candidate(SupporterMother.nurse("busy"), 2),
                new Candidate(SupporterMother.nurse("free"), 0)), NOW);

        assertThat(chosen).map(Supporter::id).contains("free");
    }

    @Test
    void prefersTheSameRoleWhenLoadIsEqual() {
        var chosen = policy.choose(nurseAtLakeside, List.of(
                new Candidate(SupporterMother.physician("a-physician"), 1),
                new Candidate(SupporterMother.nurse("b-nurse"), 1)), NOW);

        assertThat(chosen).map(Supporter::id).contains("b-nurse");
    }

    @Test
    void aSimilarRoleCountsLessThanTheSameAndMoreThanAnother() {
        assertThat(order(nurseAtLakeside,
                CandidateMother.free(SupporterMother.ofRole("a-pharmacist", ClinicalRole.PHARMACIST)),
                CandidateMother.free(SupporterMother.ofRole("b-practitioner", ClinicalRole.ADVANCED_PRACTICE)),
                CandidateMother.free(SupporterMother.ofRole("c-nurse", ClinicalRole.NURSE))))
                .containsExactly("c-nurse", "b-practitioner", "a-pharmacist");
    }

    @Test
    void roleDoesNotCountWhenTheRequesterDoesNotMind() {
        assertThat(order(MatchRequestMother.nurse().anyRole().build(),
                CandidateMother.of(SupporterMother.nurse("b-nurse")).active(1).build(),
                CandidateMother.free(SupporterMother.physician("a-physician"))))
                .containsExactly("a-physician", "b-nurse");
    }

    @Test
    void thePreferredModalityCounts() {
        MatchRequest byVideo = MatchRequestMother.nurse().modality(Modality.VIDEO).build();

        assertThat(order(byVideo,
                CandidateMother.free(SupporterMother.nurseMeetingBy("a-phone", Modality.PHONE)),
                CandidateMother.free(SupporterMother.nurseMeetingBy("b-video", Modality.PHONE, Modality.VIDEO))))
                .containsExactly("b-video", "a-phone");
    }

    @Test
    void aReturningRequesterGetsTheirPreviousSupporterBeforeAnyOtherPreference() {
        Candidate previous = CandidateMother.of(SupporterMother.physician("previous")).active(2)
                .supportedBefore(REQUESTER).build();
        Candidate sameRoleFree = CandidateMother.free(SupporterMother.nurse("nurse"));

        assertThat(order(nurseAtLakeside, sameRoleFree, previous)).containsExactly("previous", "nurse");
    }

    @Test
    void betweenEqualScoresTheLeastRecentlyAssignedComesFirstAndTheNeverAssignedBeforeThem() {
        assertThat(order(nurseAtLakeside,
                CandidateMother.of(SupporterMother.nurse("a-recent")).lastAssigned(NOW.minusSeconds(60)).build(),
                CandidateMother.of(SupporterMother.nurse("b-long-ago")).lastAssigned(NOW.minusSeconds(86_400))
                        .build(),
                CandidateMother.free(SupporterMother.nurse("c-never"))))
                .containsExactly("c-never", "b-long-ago", "a-recent");
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderOfThePool() {
        List<Candidate> pool = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pool.add(CandidateMother.of(SupporterMother.nurse("s" + i)).active(i % 3)
                    .lastAssigned(i % 4 == 0 ? null : NOW.minusSeconds(i % 5)).build());
        }
        List<String> expected = policy.top(nurseAtLakeside, pool, Set.of(), NOW, 5).stream()
                .map(match -> match.candidate().id()).toList();

        Collections.shuffle(pool, new Random(7));

        assertThat(policy.top(nurseAtLakeside, pool, Set.of(), NOW, 5))
                .extracting(match -> match.candidate().id()).containsExactlyElementsOf(expected);
        assertThat(expected).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void neverChoosesALapsedSupporter() {
        var chosen = policy.choose(nurseAtLakeside, List.of(new Candidate(SupporterMother.lapsed("lapsed"), 0)), NOW);

        assertThat(chosen).isEmpty();
    }

    @Test
    void neverChoosesASupporterAtCapacity() {
        var chosen = policy.choose(nurseAtLakeside, List.of(new Candidate(SupporterMother.nurse("full"), 3)), NOW);

        assertThat(chosen).isEmpty();
    }

    @Test
    void staysWithinTheRequestersHospital() {
        var chosen = policy.choose(nurseAtLakeside,
                List.of(new Candidate(SupporterMother.ofHospital("elsewhere", "riverside"), 0)), NOW);

        assertThat(chosen).isEmpty();
    }

    @Test
    void aHardRuleIsNeverOutweighedByAScore() {
        Candidate previousButInvolved = CandidateMother.of(SupporterMother.nurse("previous"))
                .supportedBefore(REQUESTER).involvedIn("trigger-1").build();

        var chosen = policy.best(MatchRequestMother.nurse().involvedIn("trigger-1").build(),
                List.of(previousButInvolved, CandidateMother.free(SupporterMother.physician("other"))), Set.of(), NOW);

        assertThat(chosen).map(match -> match.candidate().id()).contains("other");
    }

    @Test
    void aSupporterPassedOverForThisRequestIsNotOfferedItAgain() {
        var chosen = policy.best(nurseAtLakeside, List.of(CandidateMother.free(SupporterMother.nurse("declined")),
                CandidateMother.of(SupporterMother.nurse("busier")).active(2).build()), Set.of("declined"), NOW);

        assertThat(chosen).map(match -> match.candidate().id()).contains("busier");
    }

    @Test
    void theTopKAreTheBestInOrder() {
        List<Candidate> pool = List.of(
                CandidateMother.of(SupporterMother.nurse("two")).active(2).build(),
                CandidateMother.free(SupporterMother.nurse("zero")),
                CandidateMother.free(SupporterMother.lapsed("lapsed")),
                CandidateMother.of(SupporterMother.nurse("one")).active(1).build());

        assertThat(policy.top(nurseAtLakeside, pool, Set.of(), NOW, 2))
                .extracting(match -> match.candidate().id()).containsExactly("zero", "one");
    }

    @Test
    void theWhyOfAChoiceNamesEveryRulePassedAndTheScorePartsAndNothingPersonal() {
        Candidate previous = CandidateMother.of(SupporterMother.nurse("s1")).active(1)
                .lastAssigned(NOW.minusSeconds(60)).supportedBefore(REQUESTER).build();

        Explanation why = policy.best(nurseAtLakeside, List.of(previous), Set.of(), NOW).orElseThrow().why();

        assertThat(why.supporterId()).isEqualTo("s1");
        assertThat(why.passed()).containsExactly(HardRule.values());
        assertThat(why.failed()).isEmpty();
        assertThat(why.score()).isEqualTo(new Score(Score.SAME_ROLE, Score.MODALITY, Score.CONTINUITY));
        assertThat(why.activeCases()).isEqualTo(1);
        assertThat(why.lastAssignedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(why.toString()).doesNotContain(REQUESTER);
    }

    @Test
    void everyCandidateIsExplainedTheEligibleInOfferOrderThenTheOthersWithTheRulesTheyFailed() {
        List<Candidate> pool = List.of(
                CandidateMother.free(SupporterMother.lapsed("a-lapsed")),
                CandidateMother.of(SupporterMother.nurse("b-busy")).active(1).build(),
                CandidateMother.free(SupporterMother.nurse("c-free")),
                CandidateMother.free(SupporterMother.nurse("d-declined")),
                CandidateMother.of(SupporterMother.nurseOfUnit("e-same-unit", "icu"))
                        .availability(Availability.onCall().setBySupporter(Availability.Status.AWAY, null)).build());

        List<Explanation> all = policy.explainAll(nurseAtLakeside, pool, Set.of("d-declined"), NOW);

        assertThat(all).extracting(Explanation::supporterId)
                .containsExactly("c-free", "b-busy", "a-lapsed", "d-declined", "e-same-unit");
        assertThat(all.get(2).failed()).containsExactly(HardRule.CERTIFIED_AND_CURRENT);
        assertThat(all.get(3).passedOver()).isTrue();
        assertThat(all.get(3).failed()).isEmpty();
        assertThat(all.get(4).failed()).containsExactly(HardRule.NOT_SAME_UNIT, HardRule.AVAILABLE);
    }
}
