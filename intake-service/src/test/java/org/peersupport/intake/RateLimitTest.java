package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** One caller may submit only so often; what is over the limit gets 429 with Retry-After, and crisis help anyway. */
@ServiceTest
@TestPropertySource(properties = {"peersupport.intake.rate-limit.submissions-per-hour=3",
        "peersupport.intake.rate-limit.on-behalf-per-hour=2"})
class RateLimitTest {

    @LocalServerPort
    int port;

    static String body(boolean risk) {
        return """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"Flo Often","phone":"+16035550151"},"screening":{"riskOfHarmToSelf":%s}}"""
                .formatted(risk);
    }

    @Test
    void submissionsOverTheCallersHourlyLimitGet429WithRetryAfterAndOthersAreNotHeldBack() {
        String token = Staff.fresh("lakeside");
        Api api = Api.local(port);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/hospitals/lakeside/requests", token, body(false)).status()).isIn(200, 202);
        }

        var request = api.request("/api/hospitals/lakeside/requests", token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body(false))).build();
        java.net.http.HttpResponse<String> limited = send(request);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(api.post("/api/hospitals/lakeside/requests", Staff.fresh("lakeside"), body(false)).status())
                .isEqualTo(202);

        Api.Response crisis = api.post("/api/hospitals/lakeside/requests", token, body(true));
        assertThat(crisis.status()).as("crisis resources whatever the count").isEqualTo(200);
        assertThat(crisis.body()).contains("988");
    }

    @Test
    void aCoordinatorRecordingForCallersHasItsOwnAllowance() {
        String coordinator = Staff.coordinator("riverside");
        Api api = Api.local(port);
        for (int i = 0; i < 2; i++) {
            String recorded = """
                    {"channel":"PHONE","request":{"requesterRole":"NURSE","preferredModality":"PHONE",
                     "preferredLanguage":"en","contact":{"name":"Gus Called","phone":"+1603555%04d"}}}""".formatted(i);
            assertThat(api.post("/api/hospitals/riverside/requests/on-behalf", coordinator, recorded).status())
                    .isEqualTo(202);
        }

        Api.Response third = api.post("/api/hospitals/riverside/requests/on-behalf", coordinator, """
                {"channel":"EMAIL","request":{"requesterRole":"NURSE","preferredModality":"PHONE",
                 "preferredLanguage":"en","contact":{"name":"Gus Called","email":"gus@example.org"}}}""");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.isProblem()).isTrue();
        assertThat(api.post("/api/hospitals/riverside/requests", coordinator, body(false)).status())
                .as("the coordinator's own request counts against the other allowance").isEqualTo(202);
    }

    private static java.net.http.HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
