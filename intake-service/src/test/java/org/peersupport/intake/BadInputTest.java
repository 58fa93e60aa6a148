package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peersupport.intake.persistence.CrisisFlagDocument;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input gets a 4xx problem detail naming what is wrong, nothing is stored and the service stays ready. The bodies
 * are the corpus in {@code src/test/resources/bad-input/requests}; callers who may not submit are listed here.
 */
@ServiceTest
class BadInputTest {

    static final String PATH = "/api/hospitals/lakeside/requests";
    static final String STAFF = TestTokens.token("lakeside-staff-1", "lakeside", "staff");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MongoTemplate mongo;

    long before;

    @BeforeEach
    void count() {
        before = stored();
    }

    @AfterEach
    void nothingStoredAndStillHealthy() {
        assertThat(stored()).as("documents stored by a rejected submission").isEqualTo(before);
        assertThat(Api.local(managementPort).get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    /** Everything a submission may write: requests, crisis flags, claims of open requests, submission counts. */
    long stored() {
        return Stream.of(RequestDocument.COLLECTION, CrisisFlagDocument.COLLECTION, "open_requests",
                "submission_counts").mapToLong(name -> mongo.getCollection(name).countDocuments()).sum();
    }

    static String valid(String replace, String with) {
        String body = """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "outsideHospitalPreferred":false,"contact":{"name":"Sam Q","phone":"+16035550199"}}""";
        return replace == null ? body : body.replace(replace, with);
    }

    /** The corpus of this door: one file per bad input, with the status and the field its answer must name. */
    static Stream<Arguments> corpus() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("src/test/resources/bad-input/requests"))) {
            files = listed.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("bad-input corpus").hasSizeGreaterThan(30);
        return files.stream().map(path -> Arguments.of(path.getFileName().toString(), JSON.readTree(path.toFile())));
    }

    static String tokenOf(String caller) {
        return switch (caller) {
            case "lakeside-staff" -> Staff.fresh("lakeside");
            case "riverside-staff" -> Staff.fresh("riverside");
            case "lakeside-coordinator" -> Staff.coordinator("lakeside");
            case "riverside-coordinator" -> Staff.coordinator("riverside");
            case "lakeside-system" -> TestTokens.token("lakeside-system", "lakeside", "hospital-system");
            default -> throw new IllegalArgumentException("no caller " + caller);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyBadInputOfTheCorpusGetsItsProblemDetailNamingTheFieldAndNothingIsStored(String file, JsonNode badInput) {
        String body = badInput.has("rawBody") ? badInput.get("rawBody").asString() : badInput.get("body").toString();
        if (badInput.has("pad")) {
            body = body.replace("PAD", "x".repeat(badInput.get("pad").asInt()));
        }
        int status = badInput.get("status").asInt();
        String why = file + " (" + badInput.get("why").asString() + ")";

        Api.Response response = Api.local(port).post("/api/hospitals/lakeside/" + badInput.get("path").asString(),
                tokenOf(badInput.get("caller").asString()), body);

        assertThat(response.status()).as(why + ": " + response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(why + " gives a problem detail").isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        JsonNode field = badInput.get("field");
        if (field != null && !field.isNull()) {
            assertThat(response.json().get("detail").asString()).as(why).contains("'" + field.asString() + "'");
        }
        assertThat(response.body()).doesNotContain("Sam").doesNotContain("5550199").doesNotContain("Exception")
                .doesNotContain("\u202e").doesNotContain("‮");
    }

    @Test
    void anOversizeBodyIsRefused() {
        String huge = valid("\"Sam Q\"", "\"" + "x".repeat(40_000) + "\"");

        Api.Response response = Api.local(port).post(PATH, STAFF, huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void anOversizeBodyWithoutADeclaredLengthIsRefused() {
        byte[] huge = valid("\"Sam Q\"", "\"" + "y".repeat(40_000) + "\"").getBytes(StandardCharsets.UTF_8);
        Api api = Api.local(port);
        HttpRequest chunked = api.request(PATH, STAFF).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build();

        Api.Response response = api.send(chunked);

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void theWrongContentTypeIsRefused() {
        Api.Response response = Api.local(port).post(PATH, STAFF, valid(null, null).getBytes(), "text/plain");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.isProblem()).isTrue();
    }

    static Stream<Arguments> badCallers() {
        return Stream.of(
                Arguments.of("no token", null, 401),
                Arguments.of("garbage token", "not.a.jwt", 401),
                Arguments.of("token signed by someone else", TestTokens.forgedToken("lakeside-staff-1", "lakeside", "staff"), 401),
                Arguments.of("token minted for another API (no aud)", TestTokens.tokenWithoutAudience("lakeside-staff-1", "lakeside", "staff"), 401),
                Arguments.of("token without a subject", TestTokens.tokenWithoutSubject("lakeside", "staff"), 401),
                Arguments.of("token that never expires (no exp)", TestTokens.tokenWithoutExpiry("lakeside-staff-1", "lakeside", "staff"), 401),
                Arguments.of("another hospital's staff", TestTokens.token("riverside-staff-1", "riverside", "staff"), 403),
                Arguments.of("the network admin", TestTokens.token("network-admin", null, "admin"), 403),
                Arguments.of("a hospital system", TestTokens.token("lakeside-system", "lakeside", "hospital-system"), 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCallers")
    void callersWhoMayNotSubmitHereAreRefused(String why, String token, int status) {
        Api.Response response = Api.local(port).post(PATH, token, valid(null, null));

        assertThat(response.status()).as(why).isEqualTo(status);
        assertThat(response.isProblem()).as(why + " gives a problem detail: " + response.contentType()).isTrue();
    }

    @Test
    void aValidSubmissionStillWorks() {
        assertThat(Api.local(port).post(PATH, Staff.fresh("lakeside"), valid(null, null)).status()).isEqualTo(202);
        before = stored();
    }
}
