package org.peersupport.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peersupport.intake.domain.OutreachMother.AFTER;
import static org.peersupport.intake.domain.OutreachMother.OFFERED_AT;
import static org.peersupport.intake.domain.OutreachMother.WINDOW;
import static org.peersupport.intake.domain.OutreachMother.WITHIN;

import org.junit.jupiter.api.Test;
import org.peersupport.events.OutreachDeclined;
import org.peersupport.events.OutreachExpired;
import org.peersupport.events.OutreachOffered;
import org.peersupport.events.OutreachOrigin;
import org.peersupport.platform.kernel.Decision;

class OutreachTest {

    @Test
    void anOfferAnnouncesItselfPseudonymouslyAndAReferralAsksForItsExpiryTimer() {
        Decision<Outreach> decision = Outreach.offer("o1", "lakeside", "rq-1", OutreachOrigin.REFERRAL, null, null,
                OFFERED_AT, OFFERED_AT.plus(WINDOW));

        assertThat(decision.state().status()).isEqualTo(Outreach.Status.OFFERED);
        assertThat(decision.state().expiresAt()).isEqualTo(OFFERED_AT.plus(WINDOW));
        OutreachOffered offered = (OutreachOffered) decision.events().get(0);
        assertThat(offered.offerId()).isEqualTo("o1");
        assertThat(offered.staffRef()).isEqualTo("rq-1");
        assertThat(offered.origin()).isEqualTo(OutreachOrigin.REFERRAL);
        assertThat(offered.expiresAt()).isEqualTo(OFFERED_AT.plus(WINDOW));
        assertThat(decision.timers()).singleElement().satisfies(timer -> {
            assertThat(timer.type()).isEqualTo(Outreach.EXPIRY_TIMER);
            assertThat(timer.dueAt()).isEqualTo(OFFERED_AT.plus(WINDOW));
            assertThat(timer.id("o1")).isEqualTo("o1:expiry");
        });
    }

    @Test
    void aTriggersOfferLeavesItsExpiryToItsTriggersOneTimer() {
        Decision<Outreach> decision = Outreach.offer("o1", "lakeside", "rq-1", OutreachOrigin.TRIGGER, "t1", null,
                OFFERED_AT, OFFERED_AT.plus(WINDOW));

        assertThat(decision.events()).singleElement().isInstanceOf(OutreachOffered.class);
        assertThat(decision.timers()).isEmpty();
    }

    @Test
    void aTriggersOfferNamesItsTriggerAndAReferralNamesNone() {
        assertThatThrownBy(() -> Outreach.offer("o", "lakeside", "rq-1", OutreachOrigin.TRIGGER, null, null,
                OFFERED_AT, AFTER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outreach.offer("o", "lakeside", "rq-1", OutreachOrigin.REFERRAL, "t1", null,
                OFFERED_AT, AFTER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptingAnOpenOfferPublishesNothingOfItsOwnAndARetryChangesNothing() {
        Decision<Outreach> accepted = OutreachMother.offered().accept(WITHIN);

        assertThat(accepted.state().status()).isEqualTo(Outreach.Status.ACCEPTED);
        assertThat(accepted.state().answeredAt()).isEqualTo(WITHIN);
        assertThat(accepted.events()).isEmpty();
        assertThat(OutreachMother.accepted().accept(AFTER).changed()).isFalse();
    }

    @Test
    void decliningEndsTheOfferWithAnEventThatNamesNobody() {
        Decision<Outreach> declined = OutreachMother.referred().decline(WITHIN);

        assertThat(declined.state().status()).isEqualTo(Outreach.Status.DECLINED);
        assertThat(declined.events()).singleElement().isInstanceOfSatisfying(OutreachDeclined.class, event -> {
            assertThat(event.offerId()).isEqualTo("o2");
            assertThat(event.origin()).isEqualTo(OutreachOrigin.REFERRAL);
        });
        assertThat(OutreachMother.declined().decline(AFTER).changed()).isFalse();
    }

    @Test
    void anUnansweredOfferExpiresOnceAndAnAnsweredOneDoesNot() {
        Decision<Outreach> expired = OutreachMother.offered().expire(AFTER);

        assertThat(expired.state().status()).isEqualTo(Outreach.Status.EXPIRED);
        assertThat(expired.events()).singleElement().isInstanceOf(OutreachExpired.class);
        assertThat(OutreachMother.expired().expire(AFTER).changed()).isFalse();
        assertThat(OutreachMother.accepted().expire(AFTER).changed()).isFalse();
        assertThat(OutreachMother.declined().expire(AFTER).changed()).isFalse();
    }

    @Test
    void anExpiredOfferCannotBeAcceptedOrDeclined() {
        assertThatThrownBy(() -> OutreachMother.expired().accept(AFTER))
                .isInstanceOfSatisfying(OfferNotOpen.class, e -> assertThat(e.reason()).isEqualTo("OFFER_NOT_OPEN"));
        assertThatThrownBy(() -> OutreachMother.expired().decline(AFTER)).isInstanceOf(OfferNotOpen.class);
    }

    @Test
    void anOfferPastItsWindowCannotBeAcceptedEvenBeforeItsTimerFired() {
        assertThat(OutreachMother.offered().isOpen(AFTER)).isFalse();
        assertThatThrownBy(() -> OutreachMother.offered().accept(AFTER))
                .isInstanceOf(OfferNotOpen.class).hasMessageContaining("expired");
    }

    @Test
    void aDeclinedOfferCannotBeAcceptedNorAnAcceptedOneDeclined() {
        assertThatThrownBy(() -> OutreachMother.declined().accept(WITHIN)).isInstanceOf(OfferNotOpen.class)
                .hasMessageContaining("declined");
        assertThatThrownBy(() -> OutreachMother.accepted().decline(WITHIN)).isInstanceOf(OfferNotOpen.class)
                .hasMessageContaining("accepted");
    }

    @Test
    void offerIdsAreTheSameForTheSameCauseAndPersonAndDifferOtherwise() {
        assertThat(Outreach.triggerOfferId("t1", "rq-1")).isEqualTo(Outreach.triggerOfferId("t1", "rq-1"))
                .isNotEqualTo(Outreach.triggerOfferId("t1", "rq-2"))
                .isNotEqualTo(Outreach.triggerOfferId("t2", "rq-1"));
        assertThat(Outreach.referralOfferId("lakeside", "rq-1", 0))
                .isEqualTo(Outreach.referralOfferId("lakeside", "rq-1", 0))
                .isNotEqualTo(Outreach.referralOfferId("lakeside", "rq-1", 1));
    }
}
