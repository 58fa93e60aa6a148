package org.peersupport.console;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@ServiceTest
@TestPropertySource(properties = {
        "peersupport.console.parts.intake=http://127.0.0.1:1",
        "peersupport.console.parts.console=http://127.0.0.1:${local.server.port}",
        "peersupport.console.parts.broken=not a url"})
class ConsolePageTest {

    @LocalServerPort
    int port;

    @Test
    void thePageAndTheHealthOfEveryPartAreOpenWithoutSigningIn() {
        Api api = Api.local(port);

        assertThat(api.get("/", null).body()).contains("System health").contains("988");
        Api.Response response = api.get("/api/system/health", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var health = response.json();

        assertThat(health.valueStream().map(part -> part.get("name").asString()).toList()).contains("intake", "console", "issuer");
        health.forEach(part -> {
            if (part.get("name").asString().equals("intake")) {
                assertThat(part.get("status").asString()).isEqualTo("UNREACHABLE");
            }
            if (part.get("name").asString().equals("broken")) {
                assertThat(part.get("status").asString()).isEqualTo("MISCONFIGURED");
            }
        });
    }

    @Test
    void everythingElseNeedsAToken() {
        assertThat(Api.local(port).get("/api/anything", null).status()).isEqualTo(401);
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

        assertThat(dom).contains("<tr data-part=\"intake\">").contains("<tr data-part=\"issuer\">")
                .contains("class=\"status-UNREACHABLE\">UNREACHABLE</td>")
                .contains("class=\"status-MISCONFIGURED\"")
                .doesNotContain("Checking…");
    }
}
