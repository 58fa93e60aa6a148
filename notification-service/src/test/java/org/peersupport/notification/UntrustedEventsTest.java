package org.peersupport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.notification.persistence.NotificationDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** Nobody is told anything on the word of a record that is not from the owner of its topic. */
@ServiceTest
@DirtiesContext
class UntrustedEventsTest extends WithProviders {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private static String supporter() {
        return "lakeside-supporter-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long toldTo(String recipientId) {
        return mongo.getCollection(NotificationDocument.COLLECTION)
                .countDocuments(new Document("recipientId", recipientId));
    }

    private int inboxSize(String recipientId, String hospital) {
        return Api.local(port).get("/api/notifications", TestTokens.token(recipientId, hospital, "supporter")).json()
                .size();
    }

    @Test
    void forgedOrUnsafeEventsTellNobodyAndAreDeadLettered() {
        String supporter = supporter();
        String requestId = UUID.randomUUID().toString();
        SupporterAssigned forged = new SupporterAssigned(UUID.randomUUID().toString(), Instant.now(), "lakeside",
                requestId, "rq-1", supporter);
        // CheckInDue is followup's: matching's source is no better than a stranger's.
        CheckInDue notFromFollowup = new CheckInDue(UUID.randomUUID().toString(), Instant.now(), "lakeside",
                requestId, supporter, 1);
        SupporterAssigned unsafeHospital = new SupporterAssigned(UUID.randomUUID().toString(), Instant.now(),
                "lakeside/../riverside", requestId, "rq-1", supporter);

        try (EventProbe dlq = EventProbe.deadLetters("notification")) {
            probe.publishAs("/evil", forged);
            probe.publishAs("/peersupport/matching", notFromFollowup);
            probe.publish(unsafeHospital);

            dlq.awaitRecord(forged.eventId());
            dlq.awaitRecord(notFromFollowup.eventId());
            assertThat(EventProbe.header(dlq.awaitRecord(unsafeHospital.eventId()), "x-exception-message"))
                    .contains("untrusted").doesNotContain("riverside");
        }
        assertThat(toldTo(supporter)).isZero();
        assertThat(inboxSize(supporter, "lakeside")).isZero();
    }

    @Test
    void theSameEventToldAgainAboutAnotherHospitalChangesNothing() {
        String supporter = supporter();
        SupporterAssigned assigned = new SupporterAssigned(UUID.randomUUID().toString(), Instant.now(), "lakeside",
                UUID.randomUUID().toString(), "rq-1", supporter);
        probe.publish(assigned);
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxSize(supporter, "lakeside") == 1);

        SupporterAssigned elsewhere = new SupporterAssigned(assigned.eventId(), assigned.occurredAt(), "riverside",
                assigned.requestId(), "rq-1", supporter);
        try (EventProbe dlq = EventProbe.deadLetters("notification")) {
            probe.publish(elsewhere);

            dlq.awaitRecord(elsewhere.eventId());
        }
        assertThat(toldTo(supporter)).isEqualTo(1);
        assertThat(inboxSize(supporter, "lakeside")).isEqualTo(1);
        assertThat(inboxSize(supporter, "riverside")).isZero();
    }
}
