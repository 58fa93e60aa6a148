package org.peersupport.console.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The health of every part, asked in parallel on each part's management port with a short timeout. It says UP,
 * DOWN, UNREACHABLE or MISCONFIGURED per part name and nothing else (no addresses), so it is safe to show without
 * signing in; and one round of asking serves every caller for a few seconds, so anonymous traffic cannot multiply
 * into calls on every service.
 */
@RestController
class SystemHealthController {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ConsoleProperties properties;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private List<PartHealth> last;
    private Instant askedAt;

    SystemHealthController(ConsoleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/system/health")
    synchronized List<PartHealth> health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(askedAt.plus(properties.healthCacheTtl()))) {
            last = askEveryPart();
            askedAt = now;
        }
        return last;
    }

    private List<PartHealth> askEveryPart() {
        Map<String, CompletableFuture<String>> asked = new TreeMap<>();
        properties.parts().forEach((name, url) -> asked.put(name, ask(url)));
        return asked.entrySet().stream().map(e -> new PartHealth(e.getKey(), e.getValue().join())).toList();
    }

    private CompletableFuture<String> ask(String managementUrl) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/health")).timeout(TIMEOUT).GET()
                    .build();
        } catch (IllegalArgumentException misconfigured) {
            return CompletableFuture.completedFuture("MISCONFIGURED");
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200 && response.body().contains("\"UP\"") ? "UP"
                        : "DOWN")
                .exceptionally(unreachable -> "UNREACHABLE");
    }

    record PartHealth(String name, String status) {
    }
}
