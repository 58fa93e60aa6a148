package org.peersupport.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peersupport.matching.domain.SupporterMother.NOW;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;

class MatchPolicyTest {

    private final MatchPolicy policy = new MatchPolicy();
    private final MatchRequest nurseAtLakeside = new MatchRequest("r1", "lakeside", ClinicalRole.NURSE);

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
}
