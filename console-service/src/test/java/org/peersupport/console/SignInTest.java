package org.peersupport.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What the browser needs to sign in (the public configuration and session.js), the trusted issuers' hospital binding
 * as the console's API answers it, and CORS for the console's origin.
 */
@ServiceTest
@TestPropertySource(properties = {
        "peersupport.console.sign-in.issuer=http://issuer.test:9000",
        "peersupport.console.sign-in.services.intake=http://intake.test:8081"})
class SignInTest {

    static final String CONSOLE_ORIGIN = "http://127.0.0.1:8080";

    @LocalServerPort
    int port;

    @Test
    void theSignInConfigurationAndScriptAreOpenWithoutAToken() {
        Api api = Api.local(port);
        Api.Response config = api.get("/api/console/config", null);

        assertThat(config.status()).as(config.body()).isEqualTo(200);
        assertThat(config.json().get("issuer").asString()).isEqualTo("http://issuer.test:9000");
        assertThat(config.json().get("clientId").asString()).isEqualTo("peersupport-console");
        assertThat(config.json().get("services").get("intake").asString()).isEqualTo("http://intake.test:8081");
        assertThat(config.json().get("services").get("console").asString()).isEmpty();
        assertThat(config.json().get("services").propertyNames()).contains("intake", "matching", "followup",
                "notification", "training", "console");

        Api.Response script = api.get("/session.js", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("PeerSession").contains("code_challenge_method: 'S256'")
                .contains("sessionStorage").doesNotContain("localStorage.setItem").doesNotContain("document.cookie");
    }

    @Test
    void thePagesMayFetchFromTheIssuerAndTheServicesAndNowhereElse() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(Api.local(port).request("/", null).GET().build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("connect-src 'self' http://issuer.test:9000 http://intake.test:8081 ")
                .contains("script-src 'self';"));
    }

    @Test
    void lakesidesIssuerCannotActForRiversideNorForTheNetwork() {
        Api api = Api.local(port);

        Api.Response riverside = api.get("/api/anything",
                TestTokens.lakesideToken("riverside-staff-1", "riverside", "staff"));
        assertThat(riverside.status()).isEqualTo(401);
        assertThat(riverside.isProblem()).as(riverside.contentType()).isTrue();

        Api.Response admin = api.get("/api/network/dashboard", TestTokens.lakesideToken("network-admin", null, "admin"));
        assertThat(admin.status()).isEqualTo(401);
        assertThat(admin.isProblem()).isTrue();

        assertThat(api.get("/api/anything", TestTokens.lakesideToken("lakeside-staff-1", "lakeside", "staff"))
                .status()).as("its own hospital gets past security to a page that does not exist").isEqualTo(404);
        assertThat(api.get("/api/network/dashboard", TestTokens.token("network-admin", null, "admin")).status())
                .as("the network-wide issuer's admin").isEqualTo(200);
    }

    @Test
    void theConsolesOriginMayCallWithABearerTokenAndNoCookies() throws Exception {
        HttpResponse<Void> preflight = HttpClient.newHttpClient().send(Api.local(port).request("/api/network/dashboard",
                null).method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", CONSOLE_ORIGIN).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(preflight.statusCode()).as("a preflight needs no token").isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(CONSOLE_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(headers ->
                assertThat(headers.toLowerCase()).contains("authorization"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<Void> stranger = HttpClient.newHttpClient().send(Api.local(port).request("/api/network/dashboard",
                null).method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://elsewhere.test").header("Access-Control-Request-Method", "GET").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
