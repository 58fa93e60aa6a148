package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.peersupport.platform.messaging.RedactedDeadLetters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peersupport.events.OutreachOffered;
import org.peersupport.events.Topics;
import org.peersupport.intake.domain.Trigger;
import org.peersupport.intake.persistence.TriggerDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The topic door: a binary-mode CloudEvent from a hospital system configured for the hospital its data names becomes
 * the same trigger as over HTTPS; anything else goes to the trigger group's dead-letter topic, changing nothing.
 */
@ServiceTest
class TriggerTopicTest {

    static final EventProbe probe = EventProbe.shared();
    static final String LAKESIDE_SYSTEM = "/hospitals/lakeside/risk-system";
    static EventProbe deadLetters;

    @Autowired
    MongoTemplate mongo;

    @LocalManagementPort
    int managementPort;

    @BeforeAll
    static void watchDeadLetters() {
        deadLetters = EventProbe.deadLetters("intake-triggers");
    }

    @AfterAll
    static void stopWatching() {
        deadLetters.close();
    }

    static Map<String, String> headers(String id, String source) {
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", id,
                "ce_type", Topics.TRIGGER_REPORTED, "ce_source", source, "ce_time", "2026-11-24T08:31:00Z",
                "content-type", "application/json"));
        return headers;
    }

    static RecordMetadata publish(String key, String data, Map<String, String> headers) {
        return probe.publishRaw(Topics.TRIGGERS, key, data.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Test
    void aTriggerFromTheHospitalsOwnSystemOffersSupportToEachPersonNamed() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> named = List.of("lakeside-" + tag + "-1", "lakeside-" + tag + "-2");
        String eventId = "AE-" + tag;

        publish(eventId, Triggers.body("lakeside", eventId, named), headers("ce-" + tag, LAKESIDE_SYSTEM));
        publish(eventId, Triggers.body("lakeside", eventId, named), headers("ce-again-" + tag, LAKESIDE_SYSTEM));

        String triggerId = Trigger.idFor("lakeside", eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.all(OutreachOffered.class,
                e -> TriggerHttpTest.offeredFor(e, triggerId)).size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> "FANNED_OUT".equals(stored(triggerId).getString("status")));
        assertThat(probe.all(OutreachOffered.class, e -> TriggerHttpTest.offeredFor(e, triggerId))).hasSize(2);
    }


    Document stored(String triggerId) {
        return mongo.getCollection(TriggerDocument.COLLECTION).find(new Document("_id", triggerId)).first();
    }

    static Stream<Arguments> refused() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String good = Triggers.body("lakeside", "AE-dlq-" + tag, List.of("lakeside-staff-1"));
        return Stream.of(
                Arguments.of("another hospital's system", "AE-dlq-" + tag, good,
                        Map.of("ce_source", LAKESIDE_SYSTEM.replace("lakeside", "riverside")), "hospital",
                        "lakeside"),
                Arguments.of("data naming another hospital than its producer's", "AE-dlq-mis-" + tag,
                        Triggers.body("riverside", "AE-dlq-mis-" + tag, List.of("riverside-staff-1")),
                        Map.of(), "hospital", "riverside"),
                Arguments.of("data naming no hospital", "AE-dlq-none-" + tag,
                        Triggers.body(null, "AE-dlq-none-" + tag, List.of("lakeside-staff-1")), Map.of(),
                        "hospital", "lakeside"),
                Arguments.of("a producer nobody configured", "AE-dlq-src-" + tag, good.replace("AE-dlq-", "AE-dlq-src-"),
                        Map.of("ce_source", "/hospitals/evil"), "ce_source", "lakeside"),
                Arguments.of("CloudEvents 0.3", "AE-dlq-spec-" + tag, good.replace("AE-dlq-", "AE-dlq-spec-"),
                        Map.of("ce_specversion", "0.3"), "specversion", "lakeside"),
                Arguments.of("another type", "AE-dlq-type-" + tag, good.replace("AE-dlq-", "AE-dlq-type-"),
                        Map.of("ce_type", "peersupport.request.submitted.v1"), "ce_type", "lakeside"),
                Arguments.of("no ce_id", "AE-dlq-id-" + tag, good.replace("AE-dlq-", "AE-dlq-id-"),
                        Map.of("ce_id", ""), "ce_id", "lakeside"),
                Arguments.of("data not JSON", "AE-dlq-xml-" + tag, "<AdverseEvent/>", Map.of(), "body", "lakeside"),
                Arguments.of("data over the size limit (peersupport.triggers.max-size, 128KB)", "AE-dlq-big-" + tag,
                        good.replace("AE-dlq-", "AE-dlq-big-") + " ".repeat(128 * 1024), Map.of(), "over",
                        "lakeside"),
                Arguments.of("XML content type", "AE-dlq-ct-" + tag, good.replace("AE-dlq-", "AE-dlq-ct-"),
                        Map.of("content-type", "application/xml"), "content-type", "lakeside"),
                Arguments.of("a patient's name in the data", "AE-dlq-pt-" + tag,
                        good.replace("AE-dlq-", "AE-dlq-pt-").replace("{\"staffId\"",
                                "{\"patientName\":\"Ada Lovelace-Byron\",\"staffId\""),
                        Map.of(), "patientName", "lakeside"),
                Arguments.of("a Mongo operator in the data", "AE-dlq-op-" + tag,
                        good.replace("AE-dlq-", "AE-dlq-op-").replace("\"ADVERSE_EVENT\"", "{\"$ne\":null}"),
                        Map.of(), "category.$ne", "lakeside"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aRecordThatIsNotBelievedOrNotReadableIsDeadLetteredAndChangesNothing(String why, String hospitalEventId,
            String data, Map<String, String> headerChanges, String reasonMentions, String hospital) {
        String key = "dlq-" + UUID.randomUUID();
        Map<String, String> headers = headers("ce-" + UUID.randomUUID(), LAKESIDE_SYSTEM);
        headers.putAll(headerChanges);
        headers.values().removeIf(String::isEmpty);

        RecordMetadata sent = publish(key, data, headers);

        ConsumerRecord<byte[], byte[]> dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> deadLetters.records().stream()
                        .filter(r -> String.valueOf(sent.partition())
                                .equals(EventProbe.header(r, RedactedDeadLetters.FROM_PARTITION))
                                && String.valueOf(sent.offset())
                                        .equals(EventProbe.header(r, RedactedDeadLetters.FROM_OFFSET)))
                        .findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        // The dead letter says which record was refused and why, and holds nothing of what it carried.
        assertThat(EventProbe.header(dead, RedactedDeadLetters.REDACTED)).isEqualTo("true");
        assertThat(EventProbe.header(dead, RedactedDeadLetters.FROM_TOPIC)).isEqualTo(Topics.TRIGGERS);
        assertThat(EventProbe.header(dead, RedactedDeadLetters.REASON)).as(why).contains(reasonMentions);
        assertThat(dead.value()).as(why).isEmpty();
        assertThat(dead.key()).as(why).isNull();
        for (org.apache.kafka.common.header.Header header : dead.headers()) {
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).as(why + ": " + header.key())
                    .doesNotContain("Ada Lovelace");
        }
        assertThat(stored(Trigger.idFor(hospital, hospitalEventId))).as(why).isNull();
        // Ready (consumers hold their partitions, the store answers): within the time a fresh context takes to be.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> Api.local(managementPort).get("/actuator/health/readiness", null).status() == 200);
    }
}
