package org.peersupport.training.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.peersupport.events.SessionReminderDue;
import org.peersupport.events.SessionStarted;
import org.peersupport.events.WaitlistPromoted;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.InvalidValue;

class SessionTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final Instant STARTS = NOW.plus(Duration.ofDays(7));

    static Session session(int seats, int waitlist, int seatedCount, int waitingCount) {
        List<String> seated = IntStream.range(0, seatedCount).mapToObj(i -> "lakeside/s" + i).toList();
        List<String> waiting = IntStream.range(0, waitingCount).mapToObj(i -> "riverside/w" + i).toList();
        return new Session("sess-1", "lakeside", Course.PEER_SUPPORTER_WORKSHOP, STARTS, STARTS.plusSeconds(3600),
                "Room 2", Audience.COMMUNITY, seats, waitlist, seated, waiting, List.of());
    }

    @Test
    void aSeatWhileSeatsAreLeftThenTheWaitlistThenNothing() {
        Attendee newcomer = new Attendee("summit", "n1");
        assertThat(session(16, 5, 15, 0).placeFor(newcomer)).isEqualTo(Registration.SEATED);
        assertThat(session(16, 5, 16, 4).placeFor(newcomer)).isEqualTo(Registration.WAITLISTED);
        assertThat(session(16, 5, 16, 5).placeFor(newcomer)).isEqualTo(Registration.REFUSED);
        assertThat(session(16, 5, 16, 5).placeFor(new Attendee("riverside", "w0"))).isEqualTo(Registration.WAITLISTED);
    }

    @Test
    void aCancelledSeatGoesToTheFirstPersonWaitingWhoIsTold() {
        Decision<Session> decision = session(16, 5, 16, 3).cancel(new Attendee("lakeside", "s4"), NOW);

        assertThat(decision.state().seated()).hasSize(16).contains("riverside/w0").doesNotContain("lakeside/s4");
        assertThat(decision.state().waitlisted()).containsExactly("riverside/w1", "riverside/w2");
        assertThat(decision.events()).singleElement().isInstanceOfSatisfying(WaitlistPromoted.class, e -> {
            assertThat(e.staffId()).isEqualTo("w0");
            assertThat(e.hospitalId()).isEqualTo("riverside");
            assertThat(e.hostHospitalId()).isEqualTo("lakeside");
            assertThat(e.sessionId()).isEqualTo("sess-1");
        });
    }

    @Test
    void leavingTheWaitlistOrCancellingTwicePromotesNobody() {
        Session full = session(16, 5, 16, 3);
        assertThat(full.cancel(new Attendee("riverside", "w1"), NOW).events()).isEmpty();
        assertThat(full.cancel(new Attendee("summit", "nobody"), NOW).changed()).isFalse();
        assertThat(session(16, 5, 16, 0).cancel(new Attendee("lakeside", "s1"), NOW).state().seated()).hasSize(15);
    }

    @Test
    void onlyTheHostsStaffMayRegisterForAHospitalSession() {
        Session own = new Session("s", "lakeside", Course.PEER_SUPPORT_SALON, STARTS, STARTS.plusSeconds(60), null,
                Audience.HOSPITAL, 16, 5, List.of(), List.of(), List.of());
        assertThat(own.admits(new Attendee("lakeside", "a"))).isTrue();
        assertThat(own.admits(new Attendee("riverside", "a"))).isFalse();
    }

    @Test
    void attendanceIsForSeatedPeopleOnceTheSessionStarted() {
        Session session = session(16, 5, 3, 1);
        Attendee seated = new Attendee("lakeside", "s1");
        assertThatThrownBy(() -> session.recordAttendance(List.of(seated), NOW))
                .isInstanceOf(SessionRuleBroken.class);
        assertThatThrownBy(() -> session.recordAttendance(List.of(new Attendee("riverside", "w0")), STARTS))
                .isInstanceOf(InvalidValue.class).hasFieldOrPropertyWithValue("field", "attendees");
        Decision<Session> recorded = session.recordAttendance(List.of(seated), STARTS);
        assertThat(recorded.state().attended()).containsExactly("lakeside/s1");
        assertThat(recorded.state().recordAttendance(List.of(seated), STARTS).changed()).isFalse();
    }

    @Test
    void theReminderGoesToEachSeatedPersonAndIsScheduledBeforeTheStart() {
        Decision<Session> scheduled = Session.schedule("s", "lakeside", Course.PEER_SUPPORTER_WORKSHOP, STARTS,
                STARTS.plusSeconds(3600), null, Audience.HOSPITAL, 16, 5, Duration.ofHours(24), NOW);
        assertThat(scheduled.timers()).filteredOn(t -> t.type().equals(Session.REMINDER_TIMER)).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(STARTS.minus(Duration.ofHours(24))));
        assertThat(session(16, 5, 3, 2).remind(NOW).events()).hasSize(3)
                .allSatisfy(e -> assertThat(e).isInstanceOf(SessionReminderDue.class));
    }

    @Test
    void atItsStartASessionPublishesItsSeatsAndTheSeatsTakenOnly() {
        Decision<Session> scheduled = Session.schedule("s", "lakeside", Course.PEER_SUPPORTER_WORKSHOP, STARTS,
                STARTS.plusSeconds(3600), null, Audience.HOSPITAL, 16, 5, Duration.ofHours(24), NOW);
        assertThat(scheduled.timers()).filteredOn(t -> t.type().equals(Session.START_TIMER)).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(STARTS));

        Session session = session(16, 5, 3, 2);
        assertThat(session.start(NOW).events()).as("not before it starts").isEmpty();
        assertThat(session.start(STARTS).events()).singleElement().isInstanceOfSatisfying(SessionStarted.class, e -> {
            assertThat(e.seats()).isEqualTo(16);
            assertThat(e.seatsTaken()).isEqualTo(3);
            assertThat(e.hospitalId()).isEqualTo(session.hospitalId());
            assertThat(e.startsAt()).isEqualTo(STARTS);
        });
    }

    @Test
    void aSessionInThePastOrWithoutSeatsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Session.schedule("s", "lakeside", Course.PEER_SUPPORT_SALON, NOW.minusSeconds(1),
                NOW.plusSeconds(60), null, Audience.HOSPITAL, 16, 5, Duration.ofHours(1), NOW))
                .isInstanceOf(InvalidValue.class).hasFieldOrPropertyWithValue("field", "startsAt");
        assertThatThrownBy(() -> Session.schedule("s", "lakeside", Course.PEER_SUPPORT_SALON, STARTS,
                STARTS.plusSeconds(60), null, Audience.HOSPITAL, 0, 5, Duration.ofHours(1), NOW))
                .isInstanceOf(InvalidValue.class).hasFieldOrPropertyWithValue("field", "seats");
    }
}
