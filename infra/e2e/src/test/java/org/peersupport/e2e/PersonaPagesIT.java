package org.peersupport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.peersupport.e2e.Network.Contact;
import org.peersupport.platform.test.Browser;

/**
 * The three personas through the console's pages in a real headless Chromium, against every service as a separate
 * process: a nurse asks for support on the staff page; the supporter offered it accepts on the supporter page, reads
 * the contact (the audited read), records the first contact and a check-in; the coordinator sees the queue, has a
 * second request's candidates explained and assigns one by hand. Every page is checked with axe-core (no serious or
 * critical violation) and photographed on a desktop and a phone ({@code target/screenshots/}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonaPagesIT {

    static final String HOSPITAL = "lakeside";
    static final String STAFF = "lakeside-staff-1";
    static final String COORDINATOR = "lakeside-coordinator";
    static final List<String> SUPPORTERS = Network.demoSupporters(HOSPITAL);

    Network network;
    Browser browser;
    String reference;
    String supporter;

    @BeforeAll
    void up() throws IOException {
        assumeTrue(Browser.available(), "Debian's chromium and chromedriver are not installed (.ci/run installs them)");
        Path stateDir = Files.createTempDirectory("peersupport-pages");
        network = new Network(stateDir);
        network.stack.up();
        network.awaitDemoRosters(List.of(HOSPITAL));
        // Same-origin rule, CORS and the pages' Content-Security-Policy all as in production: the stack tells every
        // service the console's origin.
        browser = Browser.start();
    }

    @AfterAll
    void down() {
        if (browser != null) {
            browser.close();
        }
        if (network != null) {
            network.stack.down();
        }
    }

    String page(String name) {
        return network.stack.url("console") + "/" + name;
    }

    void accessibleOnDesktopAndPhone(String shot, String ready) {
        for (var size : List.of(Browser.PHONE, Browser.DESKTOP)) {
            browser.size(size);
            browser.await(ready, 30);
            assertThat(browser.seriousAccessibilityViolations()).as(shot).isEmpty();
            browser.screenshot(shot + (size == Browser.PHONE ? "-phone" : "-desktop"));
        }
    }

    @Test
    @Order(1)
    void aNurseAsksForSupportOnTheStaffPage() {
        browser.size(Browser.DESKTOP).openSignedIn(page("staff.html"), network.token(STAFF));
        browser.await("#crisis-resources li", 30);
        accessibleOnDesktopAndPhone("e2e-staff-form", "#ask");

        Contact contact = Contact.unique();
        type("contact-name", contact.name());
        type("contact-phone", contact.phone());
        browser.driver().findElement(By.id("submit")).click();

        WebElement status = browser.await("#mine-status", 30);
        assertThat(status.getAttribute("data-status")).isIn("SUBMITTED", "ASSIGNED");
        reference = (String) browser.driver().executeScript(
                "return localStorage.getItem('peersupport.myRequest.lakeside.' + arguments[0])", STAFF);
        assertThat(network.status(HOSPITAL, COORDINATOR, reference)).isIn("SUBMITTED", "ASSIGNED");
        accessibleOnDesktopAndPhone("e2e-staff-status", "#withdraw");
    }

    @Test
    @Order(2)
    void theSupporterOfferedItAcceptsReadsTheContactAndRecordsFirstContactAndACheckIn() {
        supporter = awaitOffer(reference);

        browser.size(Browser.DESKTOP).openSignedIn(page("supporter.html"), network.token(supporter));
        accessibleOnDesktopAndPhone("e2e-supporter-offer", "[data-accept='" + reference + "']");
        browser.await("[data-accept='" + reference + "']").click();

        browser.await("[data-case='" + reference + "']", 30);
        browser.await("[data-contact='" + reference + "']").click();
        browser.await("[data-case='" + reference + "'] .contact dl");
        assertThat(browser.driver().findElement(By.cssSelector("[data-case='" + reference + "'] .contact")).getText())
                .contains("Name").contains("Phone");

        browser.await("[data-first-contact='" + reference + "']").click();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                network.get("followup", "/api/hospitals/lakeside/cases/" + reference, supporter).body()
                        .contains("\"firstContactAt\":\""));

        // The first check-in falls due 3 s after the first contact (FOLLOWUP_CHECK_IN_SCHEDULE=3s,6s in Network):
        // once follow-up lists it, the page shows it after a reload, when its fetch of the cases has come back.
        // (Looking right after each reload raced that fetch, and lost every time on a loaded machine.)
        await().atMost(Duration.ofSeconds(30)).until(() ->
                network.get("followup", "/api/hospitals/lakeside/cases/" + reference, supporter).body()
                        .contains("\"number\":1"));
        browser.driver().navigate().refresh();
        browser.await("#outcome-" + reference + "-1", 30);
        accessibleOnDesktopAndPhone("e2e-supporter-case", "#outcome-" + reference + "-1");
        browser.driver().findElements(By.cssSelector("[data-case='" + reference + "'] [data-check-in='1'] button"))
                .get(0).click();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                network.get("followup", "/api/hospitals/lakeside/cases/" + reference, supporter).body()
                        .contains("\"outcome\":\"COMPLETED\""));
        browser.awaitText("recorded: completed", 20);
    }

    @Test
    @Order(3)
    void theCoordinatorSeesTheQueueHasTheCandidatesExplainedAndAssignsOneByHand() {
        String waiting = network.submit(HOSPITAL, COORDINATOR, Contact.unique());
        awaitOffer(waiting);

        browser.size(Browser.DESKTOP).openSignedIn(page("coordinator.html"), network.token(COORDINATOR));
        accessibleOnDesktopAndPhone("e2e-coordinator-queue", "[data-request='" + waiting + "']");
        browser.await("[data-explain='" + waiting + "']").click();
        browser.await("[data-candidate]", 20);
        accessibleOnDesktopAndPhone("e2e-coordinator-candidates", "[data-candidate]");

        String chosen = browser.driver().findElements(By.cssSelector("[data-candidate]")).stream()
                .filter(row -> row.findElements(By.tagName("td")).get(0).getText().equals("yes"))
                .map(row -> row.getAttribute("data-candidate")).findFirst().orElseThrow();
        browser.await("[data-assign='" + chosen + "']").click();

        browser.awaitText("assigned to " + chosen, 20);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                network.get("followup", "/api/hospitals/lakeside/cases/" + waiting, COORDINATOR).body()
                        .contains("\"supporterId\":\"" + chosen + "\""));
        assertThat(network.status(HOSPITAL, COORDINATOR, waiting)).isEqualTo("ASSIGNED");
        browser.driver().navigate().refresh();
        accessibleOnDesktopAndPhone("e2e-coordinator-cases", "[data-case='" + waiting + "']");
    }

    /**
     * The supporter the request is offered to, once it is. When nobody is offered it in time the failure says what
     * matching holds of it: the request in its hospital's queue, the candidates explained, and matching's log lines
     * naming it (ids only: the logs carry nothing personal).
     */
    String awaitOffer(String request) {
        try {
            return await().atMost(Duration.ofSeconds(30)).until(() -> offeredTo(request), java.util.Objects::nonNull);
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("nobody was offered " + request + " in 30 s\n" + matchingView(request), timeout);
        }
    }

    String matchingView(String request) {
        StringBuilder view = new StringBuilder();
        view.append("intake's status: ").append(network.status(HOSPITAL, COORDINATOR, request)).append('\n');
        for (String path : List.of("/queue", "/pool", "/requests/" + request + "/candidates")) {
            HttpResponse<String> answer = network.get("matching", "/api/hospitals/" + HOSPITAL + path, COORDINATOR);
            view.append("matching ").append(path).append(" ").append(answer.statusCode()).append(": ")
                    .append(answer.body()).append('\n');
        }
        // The services' own lines (not the web layer's DEBUG): what intake published and what matching decided.
        for (String part : List.of("intake", "matching")) {
            try (var lines = Files.lines(network.stack.logFile(part))) {
                lines.filter(line -> !line.contains("\"level\":\"DEBUG\"") || line.contains("EventDispatcher"))
                        .map(PersonaPagesIT::timeAndMessage)
                        .filter(line -> line.contains(request) || line.contains("certified") || line.contains("escalat"))
                        .limit(30).forEach(line -> view.append(part).append(' ').append(line).append('\n'));
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                view.append(part).append("'s log unreadable: ").append(unreadable).append('\n');
            }
        }
        return view.toString();
    }

    static String timeAndMessage(String jsonLine) {
        if (!jsonLine.startsWith("{")) {
            return jsonLine;
        }
        var line = Network.JSON.readTree(jsonLine);
        return line.path("@timestamp").asString("") + " " + line.path("message").asString(jsonLine);
    }

    String offeredTo(String request) {
        for (String candidate : SUPPORTERS) {
            for (var offer : network.offers(network.stack.url("matching"), candidate)) {
                if (request.equals(offer.get("requestId").asString())) {
                    return candidate;
                }
            }
        }
        return null;
    }

    void type(String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
