package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Bad input gets a 4xx problem detail naming what is wrong, and nothing is stored. */
@ServiceTest
class BadInputTest {

    static final String PATH = "/api/hospitals/lakeside/requests";
    static final String STAFF = TestTokens.token("lakeside-staff-1", "lakeside", "staff");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    long before;

    @BeforeEach
    void count() {
        before = stored();
    }

    @AfterEach
    void nothingStored() {
        assertThat(stored()).as("requests stored by a rejected submission").isEqualTo(before);
    }

    long stored() {
        return mongo.getCollection(RequestDocument.COLLECTION).countDocuments();
    }

    static String valid(String replace, String with) {
        String body = """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "outsideHospitalPreferred":false,"contact":{"name":"Sam Q","phone":"+16035550199"}}""";
        return replace == null ? body : body.replace(replace, with);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"requesterRole\":\"NURSE\",", null),
                Arguments.of("not an object", "[1,2,3]", null),
                Arguments.of("wrong enum value", valid("\"NURSE\"", "\"SURGEON-GENERAL\""), "requesterRole"),
                Arguments.of("wrong type", valid("\"outsideHospitalPreferred\":false", "\"outsideHospitalPreferred\":\"maybe\""),
                        "outsideHospitalPreferred"),
                Arguments.of("number for a string", valid("\"en\"", "42"), "preferredLanguage"),
                Arguments.of("mongo operator in a field", valid("\"en\"", "{\"$ne\":null}"), "preferredLanguage"),
                Arguments.of("mongo operator in a nested field", valid("\"Sam Q\"", "{\"$gt\":\"\"}"), "contact.name"),
                Arguments.of("operator-looking string", valid("\"Sam Q\"", "\"{$where: 1}\""), "contact.name"),
                Arguments.of("unknown top-level field", valid("\"preferredLanguage\"", "\"$where\":\"1\",\"preferredLanguage\""),
                        "$where"),
                Arguments.of("missing contact", valid(",\"contact\":{\"name\":\"Sam Q\",\"phone\":\"+16035550199\"}", ""),
                        "contact"),
                Arguments.of("missing role", valid("\"requesterRole\":\"NURSE\",", ""), "requesterRole"),
                Arguments.of("blank name", valid("\"Sam Q\"", "\"  \""), "contact.name"),
                Arguments.of("no way to reach the requester", valid(",\"phone\":\"+16035550199\"", ""), "contact.phone"),
                Arguments.of("bad email", valid("\"phone\":\"+16035550199\"", "\"email\":\"not-an-email\""), "contact.email"),
                Arguments.of("language not a code", valid("\"en\"", "\"english please\""), "preferredLanguage"),
                Arguments.of("null body", "null", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodiesAreRejectedWithAProblemNamingTheField(String why, String body, String field) {
        Api.Response response = Api.local(port).post(PATH, STAFF, body);

        assertThat(response.status()).as(why + ": " + response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        if (field != null) {
            assertThat(response.json().get("detail").asString()).contains("'" + field + "'");
        }
        assertThat(response.body()).doesNotContain("Sam Q").doesNotContain("5550199").doesNotContain("Exception");
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
        assertThat(Api.local(port).post(PATH, STAFF, valid(null, null)).status()).isEqualTo(202);
        before++;
    }
}
