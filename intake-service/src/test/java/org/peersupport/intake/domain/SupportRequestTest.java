package org.peersupport.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peersupport.intake.domain.SupportRequestMother.LATER;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.ReasonCategory;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SupporterGender;
import org.peersupport.events.Urgency;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.InvalidValue;

class SupportRequestTest {

    @Test
    void submittingPublishesRequestSubmittedUnderTheRequestersPseudonymWithWhatTheProgramsCount() {
        Decision<SupportRequest> submitted = SupportRequest.submit("r1", "lakeside", "rq-1",
                SupportRequestMother.details(), SupportRequestMother.SUBMITTED_AT);

        assertThat(submitted.state().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(submitted.state().isOpen()).isTrue();
        assertThat(submitted.events()).singleElement().isInstanceOfSatisfying(RequestSubmitted.class, event -> {
            assertThat(event.requestId()).isEqualTo("r1");
            assertThat(event.requesterRef()).isEqualTo("rq-1");
            assertThat(event.hospitalId()).isEqualTo("lakeside");
            assertThat(event.unit()).isEqualTo("ICU-4");
            assertThat(event.reasonCategory()).isEqualTo(ReasonCategory.ADVERSE_EVENT);
            assertThat(event.urgency()).isEqualTo(Urgency.TODAY);
            assertThat(event.sameRolePreferred()).isTrue();
            assertThat(event.outsideUnitPreferred()).isTrue();
            assertThat(event.supporterGender()).isEqualTo(SupporterGender.ANY);
            assertThat(event.origin()).isEqualTo(RequestOrigin.SELF);
        });
    }

    @Test
    void detailsLeftOutTakeTheirDefaults() {
        RequestDetails first = RequestDetails.of(ClinicalRole.PHYSICIAN, Modality.VIDEO, "es", true);

        assertThat(first.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(first.supporterGender()).isEqualTo(SupporterGender.ANY);
        assertThat(first.origin()).isEqualTo(RequestOrigin.SELF);
        assertThat(first.unit()).isNull();
        assertThat(first.withOrigin(RequestOrigin.TRIGGER).origin()).isEqualTo(RequestOrigin.TRIGGER);
        assertThat(first.withReason(ReasonCategory.VIOLENCE).reasonCategory()).isEqualTo(ReasonCategory.VIOLENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ICU", "ICU-4-and-a-very-long-name", "ICU\u202e4", "{\"$gt\":\"\"}", "Dr. Smith's patient: J.D."})
    void aUnitThatIsNotAShortCodeIsRefusedByName(String unit) {
        assertThatThrownBy(() -> new RequestDetails(ClinicalRole.NURSE, unit, null, null, Modality.PHONE, "en", false,
                false, false, null, null)).isInstanceOfSatisfying(InvalidValue.class,
                        refused -> assertThat(refused.field()).isEqualTo("unit"));
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
        Decision<SupportRequest> late = SupportRequestMother.withdrawn().assigned("s1", LATER);

        assertThat(late.changed()).isFalse();
        assertThat(late.events()).isEmpty();
        assertThat(late.state().status()).isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    void anEscalationHandsASubmittedRequestToTheCoordinator() {
        Decision<SupportRequest> escalated = SupportRequestMother.submitted()
                .escalated(SupportRequestMother.escalation());

        assertThat(escalated.state().status()).isEqualTo(RequestStatus.ESCALATED);
    }

    @Test
    void aLateEscalationOfAnAssignedOrWithdrawnRequestChangesNothing() {
        for (SupportRequest settled : new SupportRequest[] {SupportRequestMother.assignedTo("s1"),
                SupportRequestMother.withdrawn()}) {
            Decision<SupportRequest> late = settled.escalated(SupportRequestMother.escalation());

            assertThat(late.changed()).isFalse();
            assertThat(late.state().status()).isEqualTo(settled.status());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = {"SUBMITTED", "ESCALATED", "ASSIGNED"})
    void anOpenRequestCanBeWithdrawnAtAnyStageAndSaysSoOnItsTopic(RequestStatus status) {
        SupportRequest open = switch (status) {
            case SUBMITTED -> SupportRequestMother.submitted();
            case ESCALATED -> SupportRequestMother.escalated();
            default -> SupportRequestMother.assignedTo("s1");
        };

        Decision<SupportRequest> withdrawn = open.withdraw(LATER.plusSeconds(60));

        assertThat(withdrawn.state().status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(withdrawn.state().isOpen()).isFalse();
        assertThat(withdrawn.state().withdrawnAt()).isEqualTo(LATER.plusSeconds(60));
        assertThat(withdrawn.events()).singleElement().isInstanceOfSatisfying(RequestWithdrawn.class, event -> {
            assertThat(event.requestId()).isEqualTo("r1");
            assertThat(event.hospitalId()).isEqualTo("lakeside");
        });
    }

    @Test
    void withdrawingTwiceChangesNothingTheSecondTime() {
        Decision<SupportRequest> again = SupportRequestMother.withdrawn().withdraw(LATER.plusSeconds(90));

        assertThat(again.changed()).isFalse();
        assertThat(again.events()).isEmpty();
        assertThat(again.state().withdrawnAt()).isEqualTo(LATER);
    }

    @Test
    void aWithdrawalStartsTheRetentionPeriodWithADurablePurgeTimer() {
        Decision<SupportRequest> withdrawn = SupportRequestMother.submitted().withdraw(LATER, Duration.ofDays(30));

        assertThat(withdrawn.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.type()).isEqualTo(SupportRequest.PURGE_TIMER);
            assertThat(timer.id("r1")).isEqualTo("r1:purge");
            assertThat(timer.dueAt()).isEqualTo(LATER.plus(Duration.ofDays(30)));
        });
    }

    @Test
    void aClosedCaseEndsTheRequestNobodyHoldsItAndItsPurgeIsScheduled() {
        SupportRequest assigned = SupportRequestMother.assignedTo("s1");
        assertThat(assigned.heldBy("s1")).isTrue();

        Decision<SupportRequest> closed = assigned.closed(LATER.plusSeconds(60), Duration.ZERO);

        assertThat(closed.state().status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(closed.state().isOpen()).isFalse();
        assertThat(closed.state().heldBy("s1")).isFalse();
        assertThat(closed.state().closedAt()).isEqualTo(LATER.plusSeconds(60));
        assertThat(closed.timers()).singleElement().satisfies(timer -> assertThat(timer.dueAt())
                .isEqualTo(LATER.plusSeconds(60)));
        assertThat(closed.state().closed(LATER.plusSeconds(90), Duration.ZERO).changed()).isFalse();
        assertThat(closed.state().withdraw(LATER.plusSeconds(90), Duration.ZERO).changed()).isFalse();
        assertThat(closed.state().assigned("s2", LATER.plusSeconds(90)).changed()).isFalse();
        assertThat(SupportRequestMother.withdrawn().closed(LATER.plusSeconds(90), Duration.ZERO).changed())
                .as("a withdrawn request's purge was scheduled when it was withdrawn").isFalse();
    }

    @Test
    void thePurgeDropsWhatIdentifiesTheRequesterKeepsWhatTheProgramCountsAndSaysSoWithIdsOnly() {
        SupportRequest closed = SupportRequestMother.assignedTo("s1").closed(LATER, Duration.ZERO).state();

        Decision<SupportRequest> purged = closed.purge(LATER.plusSeconds(5));

        SupportRequest left = purged.state();
        assertThat(left.requesterRef()).isNull();
        assertThat(left.assignedSupporterId()).isNull();
        assertThat(left.details().unit()).isNull();
        assertThat(left.details().requesterRole()).isEqualTo(ClinicalRole.NURSE);
        assertThat(left.details().reasonCategory()).isEqualTo(ReasonCategory.ADVERSE_EVENT);
        assertThat(left.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(left.purgedAt()).isEqualTo(LATER.plusSeconds(5));
        assertThat(purged.events()).singleElement().isInstanceOfSatisfying(CaseDataPurged.class, event -> {
            assertThat(event.requestId()).isEqualTo("r1");
            assertThat(event.hospitalId()).isEqualTo("lakeside");
        });
        assertThat(left.purge(LATER.plusSeconds(9)).changed()).as("purging again").isFalse();
    }

    @Test
    void anOpenRequestIsNeverPurged() {
        assertThat(SupportRequestMother.submitted().purge(LATER).changed()).isFalse();
        assertThat(SupportRequestMother.assignedTo("s1").purge(LATER).changed()).isFalse();
        assertThat(SupportRequestMother.escalated().purge(LATER).changed()).isFalse();
    }
}
