package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Intake believes answers about a request only from matching, and only for the request's own hospital. */
@ServiceTest
class UntrustedEventsTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    private RequestSubmitted submitLakesideRequest() {
        String body = """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"Robin Trust","phone":"+16035550177"}}
                """;
        String reference = Api.local(port).post("/api/hospitals/lakeside/requests",
                Staff.fresh("lakeside"), body).json().get("reference").asString();
        return probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));
    }

    private Document stored(String reference) {
        return mongo.getCollection(RequestDocument.COLLECTION).find(new Document("_id", reference)).first();
    }

    private double untrusted(String type, String reason) {
        var counter = meters.find("peersupport.events.untrusted").tags("type", type, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aForgedAssignmentChangesNothingAndIsDeadLettered() {
        RequestSubmitted request = submitLakesideRequest();
        SupporterAssigned forged = new SupporterAssigned(UUID.randomUUID().toString(), Instant.now(), "lakeside",
                request.requestId(), request.requesterRef(), "lakeside-staff-1");
        double before = untrusted("peersupport.supporter.assigned.v1", "wrong-source");

        try (EventProbe dlq = EventProbe.deadLetters("intake")) {
            probe.publishAs("/evil", forged);

            ConsumerRecord<byte[], byte[]> dead = dlq.awaitRecord(forged.eventId());
            String reason = EventProbe.header(dead, "x-exception-message");
            assertThat(reason).contains("untrusted").contains(forged.eventId()).doesNotContain("lakeside-staff-1");
        }
        Document stored = stored(request.requestId());
        assertThat(stored.getString("status")).isEqualTo("SUBMITTED");
        assertThat(stored.getString("assignedSupporterId")).isNull();
        assertThat(stored.getList("handled", String.class, List.of())).doesNotContain(forged.eventId());
        assertThat(untrusted("peersupport.supporter.assigned.v1", "wrong-source")).isEqualTo(before + 1);
    }

    @Test
    void anAnswerNamingAnotherHospitalChangesNothingAndIsDeadLettered() {
        RequestSubmitted request = submitLakesideRequest();
        SupporterAssigned elsewhere = new SupporterAssigned(UUID.randomUUID().toString(), Instant.now(), "riverside",
                request.requestId(), request.requesterRef(), "riverside-supporter-1");
        MatchEscalated escalatedElsewhere = new MatchEscalated(UUID.randomUUID().toString(), Instant.now(),
                "riverside", request.requestId(), "NO_ELIGIBLE_SUPPORTER");

        try (EventProbe dlq = EventProbe.deadLetters("intake")) {
            probe.publish(elsewhere);
            probe.publish(escalatedElsewhere);

            assertThat(new String(dlq.awaitRecord(elsewhere.eventId()).key(), StandardCharsets.UTF_8))
                    .isEqualTo(request.requestId());
            dlq.awaitRecord(escalatedElsewhere.eventId());
        }
        Document stored = stored(request.requestId());
        assertThat(stored.getString("status")).isEqualTo("SUBMITTED");
        assertThat(stored.getString("hospitalId")).isEqualTo("lakeside");
        assertThat(stored.getString("assignedSupporterId")).isNull();
        assertThat(untrusted("peersupport.supporter.assigned.v1", "hospital-mismatch")).isGreaterThanOrEqualTo(1);
    }
}
