package org.peersupport.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.kernel.InvalidValue;

class ContactPreferencesTest {

    final QuietHours nights = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("America/New_York"));

    ContactPreferences withQuietNights() {
        return new ContactPreferences("p", "lakeside", "p@example.org", "+1 603 555 0142",
                List.of(Channel.SMS, Channel.EMAIL), nights);
    }

    @Test
    void aNonUrgentNoticeWaitsForTheEndOfQuietHoursAnUrgentOneDoesNot() {
        Instant lateEvening = Instant.parse("2026-11-25T04:00:00Z"); // 23:00 in New York
        Instant morning = Instant.parse("2026-11-25T12:00:00Z"); // 07:00 in New York

        assertThat(withQuietNights().dueFor(Notice.CHECK_IN_DUE, lateEvening)).isEqualTo(morning);
        assertThat(withQuietNights().dueFor(Notice.NEW_OFFER, lateEvening)).isEqualTo(lateEvening);
        assertThat(withQuietNights().dueFor(Notice.CHECK_IN_DUE, Instant.parse("2026-11-25T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(withQuietNights().dueFor(Notice.WORKSHOP_REMINDER, Instant.parse("2026-11-25T06:00:00Z")))
                .isEqualTo(morning);
    }

    @Test
    void quietHoursWithinOneDayEndTheSameDay() {
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), ZoneId.of("UTC"));

        assertThat(afternoon.endIfWithin(Instant.parse("2026-11-25T14:00:00Z")))
                .contains(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(afternoon.endIfWithin(Instant.parse("2026-11-25T15:00:00Z"))).isEmpty();
    }

    @Test
    void aChannelNeedsItsAddressAndInAppIsNotAChoice() {
        assertThat(withQuietNights().phone()).isEqualTo("+16035550142");
        assertThatThrownBy(() -> new ContactPreferences("p", "lakeside", null, null, List.of(Channel.EMAIL), null))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("email");
        assertThatThrownBy(() -> new ContactPreferences("p", "lakeside", null, "603", List.of(), null))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("phone").hasMessageNotContaining("603");
        assertThatThrownBy(() -> new ContactPreferences("p", "lakeside", null, null, List.of(Channel.IN_APP), null))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void itNeverPrintsAnAddress() {
        assertThat(withQuietNights().toString()).doesNotContain("example.org").doesNotContain("555");
    }
}
