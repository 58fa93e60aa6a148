package org.peersupport.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.Browser;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The persona pages in a real headless Chromium, against one stand-in for the other services' APIs (answering what
 * the pages ask, CORS included): each page loads for its role with no serious or critical axe-core violation on a
 * desktop and a phone, the keyboard reaches the controls in reading order with a visible focus, and a problem detail
 * is shown next to the field it names. The flows across the real services run in infra/e2e's PersonaPagesIT.
 */
@ServiceTest
class PersonaPagesTest {

    static final HttpServer SERVICES = services();
    static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();
    /** The bodies the feedback page sent to followup's {@code POST /api/feedback}. */
    static final ConcurrentLinkedQueue<String> FEEDBACK = new ConcurrentLinkedQueue<>();
    static Browser browser;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
        for (String service : List.of("intake", "matching", "followup", "notification", "training")) {
            registry.add("peersupport.console.sign-in.services." + service, () -> url);
        }
        registry.add("peersupport.web.connect-sources", () -> url);
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Browser.available(), "Debian's chromium and chromedriver are not installed (.ci/run installs them)");
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        SERVICES.stop(0);
    }

    @Test
    void theConfigurationTellsThePagesWhereEachServiceIsAndTheirPolicyLetsThemCallIt() throws Exception {
        String services = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
        Api.Response config = Api.local(port).get("/api/console/config", null);

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("services").get("matching").asString()).isEqualTo(services);
        for (String page : List.of("/staff.html", "/supporter.html", "/coordinator.html", "/feedback.html",
                "/feedback.js", "/session.js")) {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    Api.local(port).request(page, null).GET().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(page + " is public").isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
                    .hasValueSatisfying(csp -> assertThat(csp).contains(services).contains("script-src 'self';"));
        }
    }

    @Test
    void everyPersonaPageHasNoSeriousAccessibilityViolationOnADesktopOrAPhone() throws IOException {
        for (Persona persona : Persona.values()) {
            for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
                String shot = persona.page + "-" + (size == Browser.PHONE ? "phone" : "desktop");
                browser.size(size).openSignedIn(page(persona.page), persona.token());
                browser.await(persona.loaded);

                assertThat(browser.seriousAccessibilityViolations()).as(shot).isEmpty();
                assertThat((Boolean) browser.driver().executeScript(
                        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                        .as(shot + ": nothing wider than the screen").isTrue();
                assertThat(Files.size(browser.screenshot(shot))).isGreaterThan(5_000);
            }
        }
        browser.size(Browser.DESKTOP);
    }

    @Test
    void theStaffPageShowsCrisisLinesFirstAndAProblemNextToTheFieldItNames() {
        browser.size(Browser.DESKTOP).openSignedIn(page("staff.html"), Persona.STAFF.token());
        browser.await("#crisis-resources li");

        // The crisis lines come before anything else the page holds, and the hospital's own line is shown.
        assertThat((Boolean) browser.driver().executeScript("""
                var crisis = document.getElementById('crisis'), main = document.getElementById('content');
                return !!(crisis.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING);""")).isTrue();
        assertThat(browser.driver().findElement(By.id("crisis")).getText())
                .contains("988").contains("911").contains("Lakeside Employee Assistance");

        browser.driver().findElement(By.id("contact-name")).sendKeys("Jordan Example");
        browser.driver().findElement(By.id("contact-phone")).sendKeys("+1 603 555 0142");
        browser.driver().findElement(By.id("preferredLanguage")).clear();
        browser.driver().findElement(By.id("preferredLanguage")).sendKeys("english");
        browser.driver().findElement(By.id("submit")).click();

        var error = browser.await("#preferredLanguage-error");
        assertThat(error.getText()).isEqualTo("Must be an ISO 639 language code such as 'en'.");
        var field = browser.driver().findElement(By.id("preferredLanguage"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).isEqualTo("preferredLanguage-error");
        assertThat(browser.driver().switchTo().activeElement()).as("focus moves to the field").isEqualTo(field);
        assertThat(CALLS).anyMatch(call -> call.startsWith("POST /api/hospitals/lakeside/requests Bearer "));
        assertThat(browser.seriousAccessibilityViolations()).as("with the error shown").isEmpty();
        browser.screenshot("staff-error");
    }

    @Test
    void theKeyboardReachesTheControlsInReadingOrderWithAVisibleFocus() {
        browser.size(Browser.DESKTOP).openSignedIn(page("staff.html"), Persona.STAFF.token());
        browser.await("#mine");

        List<String> order = browser.tabOrder(6);

        assertThat(order.get(0)).startsWith("a|Skip to the page");
        assertThat(order.get(1)).startsWith("a|Console");
        assertThat(order.get(2)).startsWith("button|Sign out");
        assertThat(order.get(3)).as("then the form, its screening question first").startsWith("input#risk-no");
        assertThat(order.get(4)).startsWith("select#requesterRole");
        assertThat(order).allSatisfy(focused -> assertThat(focused).endsWith("|solid"));
    }

    @Test
    void aPageOpenedWithoutSigningInOrWithoutItsRoleOffersTheSignIn() {
        browser.size(Browser.DESKTOP).open(page("coordinator.html"));
        browser.driver().executeScript("sessionStorage.clear()");
        browser.open(page("coordinator.html"));
        assertThat(browser.await("#signed-out").getText()).contains("Sign in as a coordinator");
        assertThat(browser.driver().findElement(By.id("content")).isDisplayed()).isFalse();

        browser.openSignedIn(page("coordinator.html"), Persona.STAFF.token());
        assertThat(browser.await("#signed-out").getText()).contains("without the coordinator role");
        assertThat(CALLS).noneMatch(call -> call.contains("lakeside-staff-1") && call.contains("/queue"));
    }

    @Test
    void thePersonWithAFeedbackLinkAnswersWithoutSigningInAndTheTokenTravelsOnlyInTheBody() throws IOException {
        // Someone is signed in on this device: the answer must still go without their token.
        browser.size(Browser.PHONE).openSignedIn(page("feedback.html#tok-fresh-1"), Persona.SUPPORTER.token());
        browser.await("#feedback");
        assertThat((String) browser.driver().executeScript("return location.href")).as("the token leaves the address bar")
                .doesNotContain("tok-fresh-1");
        assertThat(browser.seriousAccessibilityViolations()).as("feedback page on a phone").isEmpty();
        assertThat((Boolean) browser.driver().executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("nothing wider than the screen").isTrue();
        browser.screenshot("feedback-phone");

        // Sent without the two required answers: followup's problem detail is shown by the question it names.
        browser.driver().findElement(By.id("send")).click();
        assertThat(browser.await("#helpfulness-error").getText()).isEqualTo("Is required.");
        assertThat(browser.driver().findElement(By.id("helpfulness")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().switchTo().activeElement()).as("focus moves to the question")
                .isEqualTo(browser.driver().findElement(By.id("helpfulness")));

        browser.driver().findElement(By.cssSelector("label[for=helpfulness-4]")).click();
        browser.driver().findElement(By.cssSelector("label[for=wouldRecommend]")).click();
        browser.driver().findElement(By.cssSelector("label[for=distress-2]")).click();
        browser.driver().findElement(By.id("send")).click();

        assertThat(browser.await("#thanks").getText()).contains("Thank you");
        assertThat(FEEDBACK).last().isEqualTo(
                "{\"token\":\"tok-fresh-1\",\"helpfulness\":4,\"wouldRecommend\":true,\"distress\":2}");
        assertThat(CALLS).filteredOn(call -> call.startsWith("POST /api/feedback"))
                .allMatch(call -> call.equals("POST /api/feedback anonymous"));
        assertThat(CALLS).noneMatch(call -> call.contains("tok-fresh-1"));

        // A link already used: said plainly, nothing else asked of the person.
        browser.open(page("session.js")).open(page("feedback.html#tok-used")); // a new document, not a fragment change
        browser.await("#feedback");
        browser.driver().findElement(By.cssSelector("label[for=helpfulness-5]")).click();
        browser.driver().findElement(By.cssSelector("label[for=wouldRecommend-no]")).click();
        browser.driver().findElement(By.id("send")).click();
        assertThat(browser.await("#feedback .problem:not(:empty)").getText()).contains("already been used or has lapsed");

        // Without a token there is nothing to answer.
        browser.open(page("session.js")).open(page("feedback.html"));
        assertThat(browser.await("#no-link").getText()).contains("Open the link your peer supporter gave you");
        assertThat(browser.driver().findElement(By.id("feedback")).isDisplayed()).isFalse();
        browser.size(Browser.DESKTOP);
    }

    private String page(String name) {
        return "http://127.0.0.1:" + port + "/" + name;
    }

    enum Persona {
        STAFF("staff", "lakeside-staff-1", "#crisis-resources li"),
        SUPPORTER("supporter", "lakeside-supporter-1", "[data-offer]"),
        COORDINATOR("coordinator", "lakeside-coordinator", "[data-request]");

        final String page;
        final String subject;
        final String loaded;

        Persona(String role, String subject, String loaded) {
            this.page = role + ".html";
            this.subject = subject;
            this.loaded = loaded;
        }

        String token() {
            return TestTokens.token(subject, "lakeside", page.replace(".html", ""));
        }
    }

    /** One stand-in for intake, matching, followup and training: fixed answers to what the pages ask. */
    private static HttpServer services() {
        String soon = Instant.now().plus(90, ChronoUnit.MINUTES).toString();
        String past = Instant.now().minus(2, ChronoUnit.HOURS).toString();
        Map<String, String> answers = Map.ofEntries(
                Map.entry("GET /api/hospitals/lakeside/crisis-resources",
                        "[{\"name\":\"Lakeside Employee Assistance\",\"phone\":\"+1 603 555 0100\",\"note\":\"day and night\"}]"),
                Map.entry("POST /api/hospitals/lakeside/requests", "400 {\"type\":\"about:blank\",\"title\":\"Bad Request\","
                        + "\"status\":400,\"detail\":\"Field 'preferredLanguage': must be an ISO 639 language code such as 'en'.\","
                        + "\"errors\":[{\"field\":\"preferredLanguage\",\"reason\":\"must be an ISO 639 language code such as 'en'\"}]}"),
                Map.entry("GET /api/offers", "[{\"requestId\":\"5b1f0c9e-0000-4000-8000-000000000001\",\"hospitalId\":\"lakeside\","
                        + "\"requesterRole\":\"NURSE\",\"preferredModality\":\"PHONE\",\"language\":\"en\",\"urgent\":true,"
                        + "\"expiresAt\":\"" + soon + "\"}]"),
                Map.entry("GET /api/cases", "[{\"caseId\":\"5b1f0c9e-0000-4000-8000-000000000002\",\"supporterId\":"
                        + "\"lakeside-supporter-1\",\"status\":\"OPEN\",\"openedAt\":\"" + past + "\",\"firstContactDueAt\":\""
                        + soon + "\",\"slaBreached\":false,\"checkInsDue\":0,\"checkIns\":[],\"referrals\":[]}]"),
                Map.entry("GET /api/hospitals/lakeside/referral-directory",
                        "[{\"category\":\"EAP\",\"name\":\"Lakeside Employee Assistance Program\"}]"),
                Map.entry("GET /api/calendar", "[{\"sessionId\":\"s-1\",\"hospitalId\":\"lakeside\",\"course\":"
                        + "\"PEER_SUPPORTER_WORKSHOP\",\"title\":\"Peer Supporter Workshop\",\"startsAt\":\"" + soon
                        + "\",\"location\":\"Conference room B\",\"audience\":\"COMMUNITY\",\"seats\":16,\"seatsLeft\":15,"
                        + "\"waitlistPlaces\":5,\"waitlistPlacesLeft\":5}]"),
                Map.entry("GET /api/hospitals/lakeside/sessions/s-1/registrations",
                        "{\"sessionId\":\"s-1\",\"seated\":[{\"hospitalId\":\"riverside\",\"staffId\":\"riverside-staff-1\"}],"
                        + "\"waitlisted\":[],\"attended\":[]}"),
                Map.entry("GET /api/hospitals/lakeside/queue", "[{\"requestId\":\"5b1f0c9e-0000-4000-8000-000000000003\","
                        + "\"status\":\"ESCALATED\",\"escalated\":true,\"failedOffers\":2}]"),
                Map.entry("GET /api/hospitals/lakeside/cases", "[{\"caseId\":\"5b1f0c9e-0000-4000-8000-000000000004\","
                        + "\"supporterId\":\"lakeside-supporter-3\",\"status\":\"OPEN\",\"openedAt\":\"" + past
                        + "\",\"firstContactDueAt\":\"" + past + "\",\"slaBreached\":true,\"checkIns\":[]}]"),
                Map.entry("GET /api/hospitals/lakeside/supporters", "[{\"supporterId\":\"lakeside-staff-2\",\"displayName\":"
                        + "\"Robin Nominee\",\"status\":\"NOMINATED\",\"role\":\"NURSE\",\"unit\":\"ICU-4\",\"capacity\":2}]"));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> answer(exchange, answers));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, Map<String, String> answers) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.add("Access-Control-Allow-Origin", "*");
        headers.add("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
        headers.add("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
        String method = exchange.getRequestMethod();
        if (method.equals("OPTIONS")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        String key = method + " " + exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        CALLS.add(key + " " + (authorization != null && authorization.startsWith("Bearer ")
                ? "Bearer " + subjectOf(authorization) : "anonymous"));
        String answer = key.equals("POST /api/feedback") ? feedbackAnswer(exchange)
                : answers.getOrDefault(key, method.equals("GET") ? "[]" : "404 {\"status\":404}");
        if (answer.equals("204")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        int status = 200;
        if (answer.matches("^[0-9]{3} .*")) {
            status = Integer.parseInt(answer.substring(0, 3));
            answer = answer.substring(4);
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        headers.add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** As followup answers: 400 naming a missing required answer, 404 for a used link, else 204. */
    private static String feedbackAnswer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        FEEDBACK.add(body);
        if (!body.contains("\"helpfulness\"")) {
            return "400 {\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                    + "\"Field 'helpfulness': is required.\",\"errors\":[{\"field\":\"helpfulness\",\"reason\":\"is required\"}]}";
        }
        return body.contains("\"token\":\"tok-used\"") ? "404 {\"status\":404,\"title\":\"Not Found\"}" : "204";
    }

    private static String subjectOf(String authorization) {
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return json.replaceAll(".*\"sub\":\"([^\"]*)\".*", "$1");
    }
}
