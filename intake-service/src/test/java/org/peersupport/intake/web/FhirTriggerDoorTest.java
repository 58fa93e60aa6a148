package org.peersupport.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peersupport.events.OutreachOffered;
import org.peersupport.intake.domain.Outreach;
import org.peersupport.intake.application.FhirTriggerReader;
import org.peersupport.intake.application.TriggerProperties;
import org.peersupport.intake.persistence.TriggerDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The FHIR door over HTTPS: {@code POST /api/hospitals/{h}/triggers} with {@code application/fhir+json}. Good samples
 * are accepted and nothing of their patient reaches the store or a topic; bad ones get a problem detail naming the
 * field and store nothing.
 */
@ServiceTest
class FhirTriggerDoorTest {

    static final String PATH = "/api/hospitals/lakeside/triggers";
    static final String FHIR_JSON = "application/fhir+json";
    static final String SYSTEM = TestTokens.token("lakeside-system", "lakeside", "hospital-system");
    static final EventProbe probe = EventProbe.shared();
    /**
     * The samples' private values that cannot turn up by chance in what the whole test JVM stores and publishes: not
     * a bare year (found in timestamps and hex ids) nor a word other tests use as data ("ICU" is a unit code there).
     */
    static final List<String> SCANNED_EVERYWHERE = FhirSamples.PRIVATE_VALUES.stream()
            .filter(value -> !List.of("1957", "ICU", "Practice", "Staff member").contains(value)).toList();

    @LocalServerPort
    int port;

    @Autowired
    TriggerProperties limits;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    FhirTriggerReader reader;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.peersupport.intake.web.FhirAdverseEventsTest#goodSamples")
    void aGoodSampleIsAcceptedAndNoPatientValueReachesTheStoreOrATopic(String sample) {
        Api.Response response = Api.local(port).post(PATH, SYSTEM, FhirSamples.good(sample), FHIR_JSON);

        assertThat(response.status()).isEqualTo(202);
        String triggerId = response.json().get("triggerId").asString();
        int named = reader.read("lakeside", FhirSamples.good(sample))
                .involvedStaffIds().size();
        // One offer per person named, all published: everything the trigger leads to was written by then.
        await().atMost(Duration.ofSeconds(60)).until(
                () -> probe.all(OutreachOffered.class,
                        e -> e.offerId().equals(Outreach.triggerOfferId(triggerId, e.staffRef()))).size() == named);
        List<String> everything = new ArrayList<>(published());
        everything.addAll(stored());
        for (String value : SCANNED_EVERYWHERE) {
            assertThat(everything).as("stored documents and published records").noneMatch(s -> s.contains(value));
        }
    }

    static Stream<Arguments> badSamples() {
        return FhirAdverseEventsTest.badSamples();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badSamples")
    void aBadSampleGetsAProblemDetailNamingTheFieldAndStoresNothing(String sample, String field) {
        // Everything a trigger leads to starts from its document; other tests' offers may still be on their way.
        List<String> before = triggers();

        Api.Response response = Api.local(port).post(PATH, SYSTEM, FhirSamples.bad(sample), FHIR_JSON);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        for (String value : FhirSamples.PRIVATE_VALUES) {
            assertThat(response.body()).doesNotContain(value);
        }
        assertThat(triggers()).isEqualTo(before);
    }

    @Test
    void anotherHospitalsSystemIsRefused() {
        String riverside = TestTokens.token("riverside-system", "riverside", "hospital-system");

        Api.Response response = Api.local(port).post(PATH, riverside, FhirSamples.good("one-practitioner.json"),
                FHIR_JSON);

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsTooLarge() {
        Api.Response response = Api.local(port).post(PATH, SYSTEM,
                FhirSamples.oversize(limits.maxBytes()), FHIR_JSON);

        assertThat(response.status()).isEqualTo(413);
    }

    private List<String> stored() {
        List<String> documents = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                documents.add(document.toJson());
            }
        }
        return documents;
    }

    private List<String> triggers() {
        List<String> documents = new ArrayList<>();
        for (Document document : mongo.getCollection(TriggerDocument.COLLECTION).find()) {
            documents.add(document.toJson());
        }
        return documents;
    }

    private static List<String> published() {
        List<String> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : probe.records()) {
            records.add(new String(record.value(), StandardCharsets.UTF_8) + record.headers());
        }
        return records;
    }
}
