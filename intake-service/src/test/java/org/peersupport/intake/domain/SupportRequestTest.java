package org.peersupport.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peersupport.intake.domain.SupportRequestMother.LATER;

import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.platform.kernel.Decision;

class SupportRequestTest {

    @Test
    void submittingPublishesRequestSubmittedUnderTheRequestersPseudonym() {
        Decision<SupportRequest> submitted = SupportRequest.submit("r1", "lakeside", "rq-1", ClinicalRole.NURSE,
                Modality.PHONE, "en", false, SupportRequestMother.SUBMITTED_AT);

        assertThat(submitted.state().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(submitted.events()).singleElement().isInstanceOfSatisfying(RequestSubmitted.class, event -> {
            assertThat(event.requestId()).isEqualTo("r1");
            assertThat(event.requesterRef()).isEqualTo("rq-1");
            assertThat(event.hospitalId()).isEqualTo("lakeside");
        });
    }

    @Test
    void anAssignmentRecordsTheSupporterAndWhen() {
        Decision<SupportRequest> assigned = SupportRequestMother.submitted().assigned("s1", LATER);

        assertThat(assigned.changed()).isTrue();
        assertThat(assigned.state().status()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(assigned.state().assignedSupporterId()).isEqualTo("s1");
        assertThat(assigned.state().assignedAt()).isEqualTo(LATER);
    }

    @Test
    void theSameAssignmentAgainChangesNothing() {
        assertThat(SupportRequestMother.assignedTo("s1").assigned("s1", LATER.plusSeconds(5)).changed()).isFalse();
    }

    @Test
    void anAssignmentOfAWithdrawnRequestChangesNothing() {
        Decision<SupportRequest> late = SupportRequestMother.withStatus(RequestStatus.WITHDRAWN).assigned("s1", LATER);

        assertThat(late.changed()).isFalse();
        assertThat(late.state().status()).isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    void anEscalationHandsASubmittedRequestToTheCoordinator() {
        Decision<SupportRequest> escalated = SupportRequestMother.submitted()
                .escalated(SupportRequestMother.escalation());

        assertThat(escalated.state().status()).isEqualTo(RequestStatus.ESCALATED);
    }

    @Test
    void aLateEscalationOfAnAssignedRequestChangesNothing() {
        Decision<SupportRequest> late = SupportRequestMother.assignedTo("s1").escalated(SupportRequestMother.escalation());

        assertThat(late.changed()).isFalse();
        assertThat(late.state().status()).isEqualTo(RequestStatus.ASSIGNED);
    }
}
