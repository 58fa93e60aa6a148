package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@ServiceTest
class IntakeFlowTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MongoTemplate mongo;

    static String body(String name, String phone) {
        return """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "outsideHospitalPreferred":false,
                 "contact":{"name":"%s","phone":"%s","email":"r.nurse@example.org"}}
                """.formatted(name, phone);
    }

    @Test
    void submittedRequestIsStoredSealedAndAnnouncedPseudonymously() {
        String name = "Marguerite Quillfeather-" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "+1 603 555 0" + (100 + (int) (Math.random() * 800));
        String subject = Staff.subject("lakeside");
        String token = TestTokens.token(subject, "lakeside", "staff");

        Api.Response response = Api.local(port).post("/api/hospitals/lakeside/requests", token, body(name, phone));

        assertThat(response.status()).isEqualTo(202);
        String reference = response.json().get("reference").asString();
        assertThat(response.json().get("status").asString()).isEqualTo("SUBMITTED");

        RequestSubmitted event = probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));
        assertThat(event.hospitalId()).isEqualTo("lakeside");
        assertThat(event.requesterRef()).startsWith("rq-").doesNotContain(subject);

        ConsumerRecord<byte[], byte[]> record = probe.records().stream()
                .filter(r -> reference.equals(EventProbe.header(r, "ce_subject"))).findFirst().orElseThrow();
        assertThat(EventProbe.header(record, "ce_type")).isEqualTo("peersupport.request.submitted.v1");
        assertThat(EventProbe.header(record, "ce_source")).isEqualTo("/peersupport/intake");
        assertThat(EventProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(EventProbe.header(record, "ce_id")).isEqualTo(event.eventId());
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(reference);

        String stored = mongo.getCollection(RequestDocument.COLLECTION)
                .find(new Document("_id", reference)).first().toJson();
        assertThat(stored).doesNotContain(name).doesNotContain(phone).doesNotContain("r.nurse@example.org")
                .doesNotContain(subject).contains("k1:");
        for (ConsumerRecord<byte[], byte[]> any : probe.records()) {
            String all = new String(any.value(), StandardCharsets.UTF_8) + any.headers().toString();
            assertThat(all).doesNotContain(name).doesNotContain(phone).doesNotContain("r.nurse@example.org");
        }
    }

    @Test
    void assignmentUpdatesStatusOnceEvenWhenRedelivered() {
        String token = Staff.fresh("lakeside");
        String reference = Api.local(port).post("/api/hospitals/lakeside/requests", token, body("Ana B", "+16035550111"))
                .json().get("reference").asString();
        RequestSubmitted submitted = probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));

        SupporterAssigned assigned = EventMother.supporterAssigned("lakeside", reference,
                submitted.requesterRef(), "lakeside-supporter-1");
        probe.publish(assigned);
        probe.publish(assigned);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.local(port).get("/api/hospitals/lakeside/requests/" + reference, token).json().get("status")
                        .asString()).isEqualTo("ASSIGNED"));
        Document stored = mongo.getCollection(RequestDocument.COLLECTION).find(new Document("_id", reference)).first();
        // version 0 at insert, +1 for the relay's hand-over, +1 for the one assignment; the redelivery wrote nothing
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                mongo.getCollection(RequestDocument.COLLECTION).find(new Document("_id", reference)).first()
                        .get("handled", java.util.List.class)).containsExactly(assigned.eventId()));
        assertThat(stored.getString("assignedSupporterId")).isEqualTo("lakeside-supporter-1");
    }

    @Test
    void idempotencyKeyMakesARetriedSubmissionReturnTheFirstRequest() {
        String token = Staff.fresh("riverside");
        var api = Api.local(port);
        var request = api.request("/api/hospitals/riverside/requests", token)
                .header("Content-Type", "application/json").header("Idempotency-Key", "retry-" + UUID.randomUUID())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body("Kim C", "+16035550122"))).build();

        String first = api.send(request).json().get("reference").asString();
        String second = api.send(request).json().get("reference").asString();

        assertThat(second).isEqualTo(first);
        assertThat(mongo.getCollection(RequestDocument.COLLECTION).countDocuments(new Document("_id", first)))
                .isEqualTo(1);
    }

    @Test
    void anotherRequesterOfTheSameHospitalCannotReadTheRequest() {
        String reference = Api.local(port).post("/api/hospitals/summit/requests",
                Staff.fresh("summit"), body("Lee D", "+16035550133"))
                .json().get("reference").asString();

        Api.Response other = Api.local(port).get("/api/hospitals/summit/requests/" + reference,
                TestTokens.token("summit-staff-2", "summit", "staff"));
        Api.Response coordinator = Api.local(port).get("/api/hospitals/summit/requests/" + reference,
                TestTokens.token("summit-coordinator", "summit", "coordinator"));

        assertThat(other.status()).isEqualTo(404);
        assertThat(coordinator.status()).isEqualTo(200);
        assertThat(coordinator.body()).doesNotContain("Lee D").doesNotContain("5550133");
    }

    @Test
    void theCallersCorrelationIdTravelsFromHttpIntoTheEventAndTheMetricsAreExposed() {
        String correlationId = "corr-" + UUID.randomUUID();
        var api = Api.local(port);
        var request = api.request("/api/hospitals/lakeside/requests",
                        Staff.fresh("lakeside"))
                .header("Content-Type", "application/json").header("X-Correlation-Id", correlationId)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body("Pat E", "+16035550144"))).build();

        Api.Response response = api.send(request);
        String reference = response.json().get("reference").asString();

        assertThat(response.correlationId()).isEqualTo(correlationId);
        probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));
        ConsumerRecord<byte[], byte[]> record = probe.records().stream()
                .filter(r -> reference.equals(EventProbe.header(r, "ce_subject"))).findFirst().orElseThrow();
        assertThat(EventProbe.header(record, "ce_correlationid")).isEqualTo(correlationId);

        var management = Api.local(managementPort);
        String metrics = management.get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("peersupport_outbox_published_total")
                .contains("type=\"peersupport.request.submitted.v1\"");
        assertThat(management.get("/actuator/health", null).body()).contains("UP");
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortOnlyNeverOnThePublicOne() {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/info"}) {
            Api.Response response = Api.local(port).get(path, null);
            assertThat(response.status()).as("public port, " + path).isEqualTo(404);
            assertThat(response.body()).as("public port, " + path).doesNotContain("peersupport_").doesNotContain("UP");
        }
        // Ready once the consumers hold their partitions again: another test context joining the group rebalances it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response readiness = Api.local(managementPort).get("/actuator/health/readiness", null);
            assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        });
    }

    @Test
    void anUnsafeCorrelationIdIsReplacedNotLogged() {
        Api.Response response = Api.local(port).send(Api.local(port)
                .request("/api/hospitals/lakeside/requests", Staff.fresh("lakeside"))
                .header("Content-Type", "application/json").header("X-Correlation-Id", "evil value\tinjected")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body("Pat F", "+16035550145"))).build());

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.correlationId()).isNotBlank().doesNotContain("evil");
    }
}
