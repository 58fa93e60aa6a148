package org.peersupport.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peersupport.events.CrisisFlagged;
import org.peersupport.platform.kernel.Decision;

class CrisisFlagTest {

    @Test
    void raisingAFlagTellsTheCoordinatorByItsIdAlone() {
        Decision<CrisisFlag> raised = CrisisFlag.raise("f1", "lakeside", "rq-1", SupportRequestMother.details(),
                SupportRequestMother.SUBMITTED_AT);

        assertThat(raised.state().raisedAt()).isEqualTo(SupportRequestMother.SUBMITTED_AT);
        assertThat(raised.timers()).isEmpty();
        assertThat(raised.events()).singleElement().isInstanceOfSatisfying(CrisisFlagged.class, event -> {
            assertThat(event.flagId()).isEqualTo("f1");
            assertThat(event.subject()).isEqualTo("f1");
            assertThat(event.hospitalId()).isEqualTo("lakeside");
            assertThat(event.toString()).doesNotContain("rq-1").doesNotContain("ICU-4");
        });
    }
}
