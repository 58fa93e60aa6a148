package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peersupport.intake.persistence.OutreachDocument;
import org.peersupport.intake.persistence.TriggerDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The HTTPS trigger door against its corpus of bad input ({@code bad-input/triggers/}, expectations in
 * {@code expected.tsv}): each gets its status and a problem detail naming the field, nothing is stored, and the
 * service stays ready.
 */
@ServiceTest
class TriggerBadInputTest {

    static final String PATH = "/api/hospitals/lakeside/triggers";
    static final String SYSTEM = TestTokens.token("lakeside-system", "lakeside", "hospital-system");
    static final String CORPUS = "/bad-input/triggers/";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MongoTemplate mongo;

    long triggersBefore;
    long offersBefore;

    @BeforeEach
    void count() {
        triggersBefore = mongo.getCollection(TriggerDocument.COLLECTION).countDocuments();
        offersBefore = mongo.getCollection(OutreachDocument.COLLECTION).countDocuments();
    }

    @AfterEach
    void nothingStoredAndStillReady() {
        assertThat(mongo.getCollection(TriggerDocument.COLLECTION).countDocuments()).isEqualTo(triggersBefore);
        assertThat(mongo.getCollection(OutreachDocument.COLLECTION).countDocuments()).isEqualTo(offersBefore);
        // Ready (consumers hold their partitions, the store answers): within the time a fresh context takes to be.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> Api.local(managementPort).get("/actuator/health/readiness", null).status() == 200);
    }

    static Stream<Arguments> corpus() throws IOException {
        return read("expected.tsv").lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(cols -> Arguments.of(cols[0], Integer.parseInt(cols[1]), cols[2]));
    }

    static String read(String file) throws IOException {
        try (InputStream in = TriggerBadInputTest.class.getResourceAsStream(CORPUS + file)) {
            assertThat(in).as(CORPUS + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadBodyIsRefusedWithAProblemNamingTheField(String file, int status, String field) throws IOException {
        Api.Response response = Api.local(port).post(PATH, SYSTEM, read(file));

        assertThat(response.status()).as(file + ": " + response.body()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).as(file).contains("'" + field + "'");
        assertThat(response.body()).doesNotContain("Ada Lovelace").doesNotContain("99817").doesNotContain("1961-04-02")
                .doesNotContain("Exception");
    }

    @Test
    void noPatientValueOfTheWholeCorpusIsStoredAnywhere() throws IOException {
        for (Arguments file : corpus().toList()) {
            Api.Response response = Api.local(port).post(PATH, SYSTEM, read((String) file.get()[0]));
            assertThat(response.status()).isEqualTo(400);
        }

        for (String collection : mongo.getCollectionNames()) {
            for (org.bson.Document document : mongo.getCollection(collection).find()) {
                assertThat(document.toJson()).as(collection).doesNotContain("Ada Lovelace").doesNotContain("99817")
                        .doesNotContain("1961-04-02").doesNotContain("wrong dose");
            }
        }
    }

    @Test
    void aBodyOverTheTriggerLimitIsRefused() {
        List<String> staff = java.util.stream.IntStream.range(0, 4000).mapToObj(i -> "lakeside-staff-" + i).toList();

        Api.Response response = Api.local(port).post(PATH, SYSTEM, Triggers.body("AE-" + UUID.randomUUID(), staff));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void anotherHospitalsSystemIsRefusedBeforeItsBodyIsRead() throws IOException {
        Api.Response response = Api.local(port).post(PATH,
                TestTokens.token("riverside-system", "riverside", "hospital-system"), read("patient-name-top.json"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("patientName");
    }
}
