package org.peersupport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.CheckInMissed;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.NotificationSent;
import org.peersupport.events.SessionReminderDue;
import org.peersupport.events.SlaBreached;
import org.peersupport.events.WaitlistPromoted;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Notification;
import org.peersupport.notification.persistence.NotificationDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Follow-up's case events and training's workshop events, through the real broker, each tell its person once: in
 * the inbox, and by email where they chose it; a redelivery tells nobody twice, and a forged record tells nobody.
 */
@ServiceTest
class WiredNoticesTest extends WithProviders {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /** A hospital of this test alone, so its coordinator list holds only the coordinators made here. */
    private static String hospital() {
        return "wired" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String person(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void choosesEmail(String person, String hospital, String role) {
        Api api = Api.local(port);
        Api.Response set = api.send(api.request("/api/notification-preferences",
                        TestTokens.token(person, hospital, role))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + address(person)
                        + "\",\"channels\":[\"EMAIL\"]}")).build());
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private static String address(String person) {
        return person + "@mail.example.org";
    }

    private List<String> kindsIn(String person, String hospital, String role) {
        return Api.local(port).get("/api/notifications", TestTokens.token(person, hospital, role)).json()
                .findValuesAsString("kind");
    }

    private long toldTo(String person) {
        return mongo.getCollection(NotificationDocument.COLLECTION).countDocuments(new Document("recipientId", person));
    }

    private static List<String> subjectsTo(String person) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> sentTo(m, address(person))).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void emailed(DomainEvent cause, String person) {
        probe.await(NotificationSent.class, e -> e.notificationId()
                .equals(Notification.idFor(cause.eventId(), person, Channel.EMAIL)));
    }

    @Test
    void anOpenedCaseTellsItsSupporterOnceThatFirstContactIsDue() {
        String hospital = hospital();
        String supporter = person("supporter");
        choosesEmail(supporter, hospital, "supporter");
        CaseOpened opened = EventMother.caseOpened(hospital, UUID.randomUUID().toString(), supporter);

        probe.publish(opened);
        probe.publish(opened);

        emailed(opened, supporter);
        await().atMost(Duration.ofSeconds(20)).until(() -> subjectsTo(supporter).size() == 1);
        assertThat(subjectsTo(supporter)).containsExactly("Peer support: first contact is due");
        assertThat(kindsIn(supporter, hospital, "supporter")).containsExactly("FIRST_CONTACT_DUE");
        assertThat(toldTo(supporter)).isEqualTo(1);
    }

    @Test
    void aBreachedClockAndAMissedCheckInTellTheHospitalsCoordinatorsNotTheSupporter() {
        String hospital = hospital();
        String coordinator = person("coordinator");
        String other = person("coordinator");
        String supporter = person("supporter");
        choosesEmail(coordinator, hospital, "coordinator");
        choosesEmail(other, hospital(), "coordinator");
        String caseId = UUID.randomUUID().toString();
        SlaBreached breached = EventMother.slaBreached(hospital, caseId, supporter);
        CheckInMissed missed = EventMother.checkInMissed(hospital, caseId, supporter, 1);

        probe.publish(breached);
        probe.publish(missed);
        probe.publish(breached);

        emailed(breached, coordinator);
        emailed(missed, coordinator);
        await().atMost(Duration.ofSeconds(20)).until(() -> subjectsTo(coordinator).size() == 2);
        assertThat(subjectsTo(coordinator)).containsExactlyInAnyOrder(
                "Peer support: a request is past its time limit", "Peer support: a check-in was missed");
        assertThat(kindsIn(coordinator, hospital, "coordinator"))
                .containsExactlyInAnyOrder("SLA_BREACHED", "CHECK_IN_MISSED");
        assertThat(toldTo(coordinator)).isEqualTo(2);
        // The other hospital's coordinator, and the supporter whose case it is, hear nothing of it.
        assertThat(toldTo(other)).isZero();
        assertThat(subjectsTo(other)).isEmpty();
        assertThat(toldTo(supporter)).isZero();
    }

    @Test
    void aWorkshopPlaceAndAWorkshopReminderEachTellTheirPersonOnce() {
        String hospital = hospital();
        String promoted = person("staff");
        String seated = person("staff");
        choosesEmail(promoted, hospital, "supporter");
        String session = "session-" + UUID.randomUUID().toString().substring(0, 8);
        WaitlistPromoted place = EventMother.waitlistPromoted(hospital, session, promoted);
        SessionReminderDue reminder = EventMother.sessionReminderDue(hospital, session, seated);

        probe.publish(place);
        probe.publish(reminder);
        probe.publish(place);

        emailed(place, promoted);
        await().atMost(Duration.ofSeconds(20)).until(() -> kindsIn(seated, hospital, "supporter").size() == 1);
        assertThat(subjectsTo(promoted)).containsExactly("Peer support: a workshop place for you");
        assertThat(kindsIn(promoted, hospital, "supporter")).containsExactly("WAITLIST_PROMOTED");
        assertThat(kindsIn(seated, hospital, "supporter")).containsExactly("WORKSHOP_REMINDER");
        assertThat(toldTo(promoted)).isEqualTo(1);
        assertThat(toldTo(seated)).isEqualTo(1);
        // The seated person chose no outside channel: the inbox alone.
        assertThat(subjectsTo(seated)).isEmpty();
    }

    @Test
    void forgedRecordsOfTheNewEventsTellNobody() {
        String hospital = hospital();
        String coordinator = person("coordinator");
        String person = person("staff");
        choosesEmail(coordinator, hospital, "coordinator");
        String caseId = UUID.randomUUID().toString();
        List<DomainEvent> forged = List.of(
                EventMother.caseOpened(hospital, caseId, person),
                EventMother.slaBreached(hospital, caseId, person),
                EventMother.checkInMissed(hospital, caseId, person, 1),
                EventMother.waitlistPromoted(hospital, "session-1", person),
                EventMother.sessionReminderDue(hospital, "session-1", person));
        WaitlistPromoted told = EventMother.waitlistPromoted(hospital, "session-2", person);
        // The same event id again, now about another hospital: a forgery of a record already believed.
        WaitlistPromoted elsewhere = new WaitlistPromoted(told.eventId(), told.occurredAt(), hospital(),
                told.sessionId(), person, told.hostHospitalId(), told.courseId(), told.startsAt());

        probe.publish(told);
        await().atMost(Duration.ofSeconds(20)).until(() -> toldTo(person) == 1);
        try (EventProbe dlq = EventProbe.deadLetters("notification")) {
            // Matching may write its topic, but none of these is matching's to say.
            forged.forEach(event -> probe.publishAs("/peersupport/matching", event));
            probe.publish(elsewhere);

            forged.forEach(event -> dlq.awaitRecord(event.eventId()));
            dlq.awaitRecord(elsewhere.eventId());
        }
        assertThat(toldTo(person)).isEqualTo(1);
        assertThat(toldTo(coordinator)).isZero();
        assertThat(subjectsTo(coordinator)).isEmpty();
        assertThat(kindsIn(person, hospital, "supporter")).containsExactly("WAITLIST_PROMOTED");
    }
}
