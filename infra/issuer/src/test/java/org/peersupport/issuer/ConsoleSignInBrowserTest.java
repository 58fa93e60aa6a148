package org.peersupport.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A demo coordinator signs in to the console in a real headless Chromium: the console's real pages (index.html,
 * session.js, console.js, copied from console-service by the build) on one origin, this issuer on another. The
 * browser runs the authorization-code flow with PKCE, logs in through the issuer's login form, exchanges the code
 * across origins (CORS) and lands on the console with the links of the coordinator's role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSignInBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path KEY_DIR = tempDir();
    /** Serves the console's pages and its public configuration, as the console does. */
    static final HttpServer CONSOLE = consolePages();
    static volatile int issuerPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("peersupport.issuer.key-dir", KEY_DIR::toString);
        registry.add("peersupport.issuer.console-origins", ConsoleSignInBrowserTest::consoleOrigin);
    }

    @Value("${local.server.port}")
    int port;

    @AfterAll
    static void stopConsole() {
        CONSOLE.stop(0);
    }

    @Test
    void aDemoCoordinatorSignsInThroughTheLoginFormAndSeesTheirPages() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no chromium/chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER + " (.ci/run installs them)");
        issuerPort = port;
        WebDriver browser = browser();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(consoleOrigin() + "/index.html");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();

            // The issuer's own login form, on the issuer's origin.
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
            assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:" + port + "/login");
            browser.findElement(By.name("username")).sendKeys("lakeside-coordinator");
            browser.findElement(By.name("password")).sendKeys("demo");
            browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();

            // Back on the console, signed in: the code and state are gone from the address.
            WebElement who = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
            assertThat(who.isDisplayed()).isTrue();
            assertThat(browser.getCurrentUrl()).isEqualTo(consoleOrigin() + "/index.html");
            assertThat(browser.findElement(By.id("who")).getText())
                    .isEqualTo("Signed in as lakeside-coordinator (lakeside).");
            List<String> links = browser.findElements(By.cssSelector("#page-links a")).stream()
                    .map(a -> a.getDomAttribute("href")).toList();
            assertThat(links).containsExactly("/coordinator.html");
            assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();

            // The token is this tab's only: sessionStorage, never localStorage nor a cookie on the console's origin.
            ChromeDriver chrome = (ChromeDriver) browser;
            String stored = (String) chrome.executeScript("return sessionStorage.getItem('peersupport.session');");
            assertThat(stored).contains("accessToken");
            assertThat((Long) chrome.executeScript("return localStorage.length;")).isZero();
            String token = (String) chrome.executeScript(
                    "return JSON.parse(sessionStorage.getItem('peersupport.session')).accessToken;");
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            assertThat(claims.getSubject()).isEqualTo("lakeside-coordinator");
            assertThat(claims.getStringClaim("hospital")).isEqualTo("lakeside");
            assertThat(claims.getStringListClaim("roles")).containsExactly("coordinator");
            assertThat(claims.getAudience()).containsExactly("peer-support-network");

            screenshot(browser, "sign-in-coordinator.png");

            // Signing out forgets the token and offers signing in again.
            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
            assertThat(chrome.executeScript("return sessionStorage.getItem('peersupport.session');")).isNull();
            assertThat(browser.findElements(By.cssSelector("#page-links a")).stream().filter(WebElement::isDisplayed))
                    .isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // A phone-sized window: the pages must work there.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=412,915");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path target = Path.of("target", "screenshots", name).toAbsolutePath();
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(5_000);
    }

    static String consoleOrigin() {
        return "http://127.0.0.1:" + CONSOLE.getAddress().getPort();
    }

    private static HttpServer consolePages() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ConsoleSignInBrowserTest::serve);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String issuer = "http://127.0.0.1:" + issuerPort;
        byte[] body;
        String type;
        if (path.equals("/api/console/config")) {
            body = ("{\"issuer\":\"" + issuer + "\",\"clientId\":\"peersupport-console\",\"services\":{\"console\":\"\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            type = "application/json";
        } else if (path.equals("/api/system/health")) {
            body = "[]".getBytes(StandardCharsets.UTF_8);
            type = "application/json";
        } else {
            String file = path.equals("/") ? "index.html" : path.substring(1);
            try (InputStream in = file.contains("..") ? null
                    : ConsoleSignInBrowserTest.class.getResourceAsStream("/console-static/" + file)) {
                if (in == null) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                body = in.readAllBytes();
            }
            type = Map.of("html", "text/html", "js", "text/javascript", "css", "text/css")
                    .getOrDefault(file.substring(file.lastIndexOf('.') + 1), "application/octet-stream");
        }
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        // The console's own policy: its scripts only, fetches to itself and the issuer.
        exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self'; connect-src 'self' " + issuer + "; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("issuer-keys").resolve("keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
