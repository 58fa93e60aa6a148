package org.peersupport.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

@ServiceTest
@TestPropertySource(properties = {
        "peersupport.console.parts.intake=http://127.0.0.1:1",
        "peersupport.console.parts.broken=not a url"})
class ConsolePageTest {

    /** A part's management port: answers its health and counts how often it is asked. */
    static final AtomicInteger ASKED = new AtomicInteger();
    static final HttpServer TRAINING = healthyPart();

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        registry.add("peersupport.console.parts.training",
                () -> "http://127.0.0.1:" + TRAINING.getAddress().getPort());
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void thePageAndTheHealthOfEveryPartAreOpenWithoutSigningIn() {
        Api api = Api.local(port);

        assertThat(api.get("/", null).body()).contains("System health").contains("988");
        Api.Response response = api.get("/api/system/health", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var health = response.json();

        assertThat(health.valueStream().map(part -> part.get("name").asString()).toList())
                .contains("intake", "training", "issuer", "broken");
        health.forEach(part -> {
            String status = part.get("status").asString();
            switch (part.get("name").asString()) {
                case "intake" -> assertThat(status).isEqualTo("UNREACHABLE");
                case "broken" -> assertThat(status).isEqualTo("MISCONFIGURED");
                case "training" -> assertThat(status).isEqualTo("UP");
                default -> assertThat(status).isIn("UP", "DOWN", "UNREACHABLE");
            }
        });
    }

    @Test
    void thePublicHealthAnswerNamesNoInternalAddress() {
        Api.Response response = Api.local(port).get("/api/system/health", null);

        response.json().forEach(part -> assertThat(part.propertyNames()).containsOnly("name", "status"));
        assertThat(response.body()).doesNotContain("127.0.0.1").doesNotContain("http").doesNotContain("url");
    }

    @Test
    void anonymousCallsInQuickSuccessionAskEachPartAtMostOnce() {
        Api api = Api.local(port);
        int before = ASKED.get();

        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/system/health", null).status()).isEqualTo(200);
        }

        assertThat(ASKED.get() - before).as("health requests that reached a part").isLessThanOrEqualTo(1);
    }

    @Test
    void pagesCarryContentSecurityReferrerAndPermissionsPolicies() throws Exception {
        for (String path : List.of("/", "/console.js", "/api/system/health")) {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    Api.local(port).request(path, null).GET().build(), HttpResponse.BodyHandlers.discarding());
            var headers = response.headers();
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(headers.firstValue("Permissions-Policy")).as(path).hasValueSatisfying(policy ->
                    assertThat(policy).contains("camera=()").contains("microphone=()").contains("geolocation=()"));
        }
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortNotOnThePublicOne() {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info")) {
            assertThat(Api.local(port).get(path, null).status()).as("public port: " + path).isEqualTo(404);
        }
        // Ready once the dashboard's consumer holds its partitions.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Api.local(managementPort).get("/actuator/health/readiness", null).status() == 200);
        assertThat(Api.local(managementPort).get("/actuator/prometheus", null).body())
                .contains("service=\"console\"");
    }

    @Test
    void everythingElseNeedsAToken() {
        Api api = Api.local(port);
        assertThat(api.get("/api/anything", null).status()).isEqualTo(401);
        assertThat(api.get("/api/anything", TestTokens.tokenWithoutAudience("lakeside-staff-1", "lakeside", "staff"))
                .status()).isEqualTo(401);
        assertThat(api.get("/api/anything", TestTokens.tokenWithoutSubject("lakeside", "staff")).status())
                .isEqualTo(401);
        assertThat(api.get("/api/anything", TestTokens.tokenWithoutExpiry("lakeside-staff-1", "lakeside", "staff"))
                .status()).isEqualTo(401);
        assertThat(api.get("/api/anything", TestTokens.token("lakeside-staff-1", "lakeside", "staff")).status())
                .as("a complete token gets past security to a page that does not exist").isEqualTo(404);
    }

    @Test
    void aRealBrowserRendersTheHealthOfEveryPart() throws IOException, InterruptedException {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assumeTrue(Files.isExecutable(chromium), "Debian's chromium is not installed (.ci/run installs it)");
        Path profile = Files.createTempDirectory("console-chromium");
        Process browser = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--virtual-time-budget=5000", "--dump-dom", "http://127.0.0.1:" + port + "/"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // Rendered by console.js under the page's Content-Security-Policy: a blocked script would leave "Checking…".
        assertThat(dom).contains("<tr data-part=\"intake\">").contains("<tr data-part=\"issuer\">")
                .contains("class=\"status-UNREACHABLE\">UNREACHABLE</td>")
                .contains("class=\"status-MISCONFIGURED\"")
                .contains("class=\"status-UP\">UP</td>")
                .doesNotContain("Checking…")
                .doesNotContain("127.0.0.1");
    }

    private static HttpServer healthyPart() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/actuator/health", exchange -> {
                ASKED.incrementAndGet();
                byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
