package org.peersupport.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}) for the page tests: open a page with
 * a session seeded as the sign-in would leave it, act through the page, take screenshots, and run axe-core on it.
 * Tests skip when {@link #available()} is false (no chromium installed); {@code .ci/run} installs it.
 */
public final class Browser implements AutoCloseable {

    /** A phone's viewport (CSS pixels), for the narrow-screen checks and screenshots. */
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 1800);

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(
            System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Whether Debian's chromium and its driver are installed. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * A fresh headless browser with an empty profile and these extra command-line switches; screenshots go to
     * {@code target/screenshots/}.
     */
    public static Browser start(String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-US");
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Browser(driver, screenshots);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Opens {@code page} (an absolute URL) signed in with {@code accessToken}, as session.js keeps a session: the
     * origin is visited first so that its sessionStorage can be written, then the page itself.
     */
    public Browser openSignedIn(String page, String accessToken) {
        String origin = page.replaceFirst("^(https?://[^/]+).*$", "$1");
        driver.get(origin + "/session.js");
        driver.executeScript("sessionStorage.setItem('peersupport.session', JSON.stringify(arguments[0]))",
                Map.of("accessToken", accessToken, "expiresAt", Instant.now().plus(Duration.ofHours(1)).toEpochMilli()));
        driver.get(page);
        return this;
    }

    public Browser open(String page) {
        driver.get(page);
        return this;
    }

    public Browser size(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    /** Waits up to {@code seconds} for an element matching the CSS selector to be shown, and returns it. */
    public WebElement await(String css, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> d.findElements(By.cssSelector(css))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    public WebElement await(String css) {
        return await(css, 20);
    }

    /** Waits until the page's text contains {@code text}. */
    public void awaitText(String text, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d ->
                d.findElement(By.tagName("body")).getText().contains(text));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves what the viewport shows as {@code target/screenshots/<name>.png}, and returns the file. */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA rules and best practices) on the page as it is now, and returns its
     * serious and critical violations as "rule: target, …" lines; empty when there are none.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                    'best-practice']}, resultTypes: ['violations']})
                  .then(function (r) {
                    done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                      .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) {
                        return n.target.join(' '); }).join(', '); }));
                  }, function (e) { done(['axe failed: ' + e]); });
                """);
        return (List<String>) result;
    }

    /**
     * What has the keyboard focus after each of {@code times} presses of Tab from the top of the page: "tag#id|text|
     * outline style" (the outline tells that the focus is visible).
     */
    public List<String> tabOrder(int times) {
        driver.executeScript("window.scrollTo(0, 0); document.body.setAttribute('tabindex', '-1');"
                + " document.body.focus(); document.body.removeAttribute('tabindex');");
        List<String> order = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            order.add((String) driver.executeScript("""
                    var e = document.activeElement;
                    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '|' + (e.textContent || e.value || '').trim().slice(0, 40)
                      + '|' + getComputedStyle(e).outlineStyle;
                    """));
        }
        return order;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
