package org.peersupport.console.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The health of every part, asked in parallel with a short timeout. It says UP, DOWN or UNREACHABLE and nothing
 * else, so it is safe to show without signing in.
 */
@RestController
class SystemHealthController {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ConsoleProperties properties;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    SystemHealthController(ConsoleProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/api/system/health")
    List<PartHealth> health() {
        Map<String, CompletableFuture<String>> asked = new TreeMap<>();
        properties.parts().forEach((name, url) -> asked.put(name, ask(url)));
        return asked.entrySet().stream()
                .map(e -> new PartHealth(e.getKey(), properties.parts().get(e.getKey()), e.getValue().join()))
                .toList();
    }

    private CompletableFuture<String> ask(String baseUrl) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).timeout(TIMEOUT).GET().build();
        } catch (IllegalArgumentException misconfigured) {
            return CompletableFuture.completedFuture("MISCONFIGURED");
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200 && response.body().contains("\"UP\"") ? "UP"
                        : "DOWN")
                .exceptionally(unreachable -> "UNREACHABLE");
    }

    record PartHealth(String name, String url, String status) {
    }
}
