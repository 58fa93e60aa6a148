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

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.peersupport.intake.web.FhirAdverseEventsTest#goodSamples")
    void aGoodSampleIsAcceptedAndNoPatientValueReachesTheStoreOrATopic(String sample) {
        Api.Response response = Api.local(port).post(PATH, SYSTEM, FhirSamples.good(sample), FHIR_JSON);

        assertThat(response.status()).isEqualTo(202);
        String triggerId = response.json().get("triggerId").asString();
        // The trigger's own events are the sign that everything it leads to was written.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> published().stream().anyMatch(record -> record.contains(triggerId)));
        List<String> everything = new ArrayList<>(published());
        everything.addAll(stored());
        for (String value : FhirSamples.PRIVATE_VALUES) {
            assertThat(everything).as("stored documents and published records").noneMatch(s -> s.contains(value));
        }
    }

    static Stream<Arguments> badSamples() {
        return FhirAdverseEventsTest.badSamples();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badSamples")
    void aBadSampleGetsAProblemDetailNamingTheFieldAndStoresNothing(String sample, String field) {
        List<String> before = stored();

        Api.Response response = Api.local(port).post(PATH, SYSTEM, FhirSamples.bad(sample), FHIR_JSON);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        for (String value : FhirSamples.PRIVATE_VALUES) {
            assertThat(response.body()).doesNotContain(value);
        }
        assertThat(stored()).isEqualTo(before);
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
                FhirSamples.oversize(FhirAdverseEvents.MAX_BYTES), FHIR_JSON);

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

    private static List<String> published() {
        List<String> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : probe.records()) {
            records.add(new String(record.value(), StandardCharsets.UTF_8) + record.headers());
        }
        return records;
    }
}
