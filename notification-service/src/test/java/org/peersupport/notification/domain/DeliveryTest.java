package org.peersupport.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peersupport.events.NotificationFailed;
import org.peersupport.events.NotificationSent;
import org.peersupport.platform.kernel.Decision;

class DeliveryTest {

    final Instant now = Instant.parse("2026-11-24T10:00:00Z");

    Delivery planned(List<Channel> channels) {
        return Delivery.plan("event-1", "lakeside", "lakeside-supporter-1", Notice.NEW_OFFER, "req-1", channels,
                now.plus(Duration.ofHours(2)), now, now).state();
    }

    @Test
    void aPlannedDeliveryTriesTheFirstChosenChannelWhenDue() {
        Decision<Delivery> plan = Delivery.plan("event-1", "lakeside", "lakeside-supporter-1", Notice.CHECK_IN_DUE,
                "case-1", List.of(Channel.SMS, Channel.EMAIL), null, now.plusSeconds(600), now);

        assertThat(plan.state().channel()).isEqualTo(Channel.SMS);
        assertThat(plan.timers()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(Delivery.DELIVER_TIMER);
            assertThat(t.dueAt()).isEqualTo(now.plusSeconds(600));
            assertThat(t.payload()).containsEntry(Delivery.ATTEMPT, "0");
        });
        assertThat(plan.state().id()).isEqualTo(Delivery.idFor("event-1", "lakeside-supporter-1"));
    }

    @Test
    void aFailedChannelHandsOverToTheNextAtOnce() {
        Decision<Delivery> failed = planned(List.of(Channel.SMS, Channel.EMAIL)).failedOn(Channel.SMS, now);

        assertThat(failed.state().channel()).isEqualTo(Channel.EMAIL);
        assertThat(failed.events()).isEmpty();
        assertThat(failed.timers()).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("deliver:1");
            assertThat(t.dueAt()).isEqualTo(now);
        });
    }

    @Test
    void theChannelThatTakesItEndsTheDeliveryUnderItsOwnKey() {
        Delivery onEmail = planned(List.of(Channel.SMS, Channel.EMAIL)).failedOn(Channel.SMS, now).state();
        Decision<Delivery> sent = onEmail.sent(Channel.EMAIL, now);

        assertThat(sent.state().status()).isEqualTo(Delivery.Status.SENT);
        NotificationSent event = (NotificationSent) sent.events().get(0);
        assertThat(event.channel()).isEqualTo("EMAIL");
        assertThat(event.notificationId()).isEqualTo(Notification.idFor("event-1", "lakeside-supporter-1",
                Channel.EMAIL));
        assertThat(sent.state().sent(Channel.EMAIL, now).changed()).isFalse();
        assertThat(sent.state().failedOn(Channel.EMAIL, now).changed()).isFalse();
    }

    @Test
    void noChannelLeftIsAFailureNamingTheChannelsTriedAndNoAddress() {
        Delivery onEmail = planned(List.of(Channel.SMS, Channel.EMAIL)).failedOn(Channel.SMS, now).state();
        Decision<Delivery> failed = onEmail.failedOn(Channel.EMAIL, now);

        assertThat(failed.state().status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(failed.timers()).isEmpty();
        NotificationFailed event = (NotificationFailed) failed.events().get(0);
        assertThat(event.channelsTried()).containsExactly("SMS", "EMAIL");
        assertThat(event.reason()).isEqualTo("NEW_OFFER");
    }

    @Test
    void aFailedDeliveryTriedAgainStartsOverFromTheFirstChannelUnderANewTimer() {
        Delivery failed = planned(List.of(Channel.SMS)).failedOn(Channel.SMS, now).state();
        Decision<Delivery> again = failed.retry(now);

        assertThat(again.state().status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(again.state().channel()).isEqualTo(Channel.SMS);
        assertThat(again.timers()).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("deliver:1:0");
            assertThat(again.state().isAttempt(t.payload())).isTrue();
            assertThat(failed.isAttempt(t.payload())).isFalse();
        });
        assertThat(again.state().keyFor(Channel.SMS)).isEqualTo(failed.keyFor(Channel.SMS));
        assertThatThrownBy(() -> again.state().retry(now)).isInstanceOf(DeliveryNotFailed.class);
    }

    @Test
    void aStaleAttemptOnAChannelNoLongerTriedChangesNothing() {
        Delivery onEmail = planned(List.of(Channel.SMS, Channel.EMAIL)).failedOn(Channel.SMS, now).state();

        assertThat(onEmail.failedOn(Channel.SMS, now).changed()).isFalse();
        assertThat(onEmail.sent(Channel.SMS, now).changed()).isFalse();
    }
}
