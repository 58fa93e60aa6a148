package org.peersupport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the stack over HTTP as its users do: tokens from the dev issuer (client credentials), then the APIs. */
final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] HOSPITALS = {"lakeside", "riverside", "summit"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> urls;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** {@code urls}: part name to base URL (issuer, intake, matching, followup, notification). */
    Client(Map<String, String> urls) {
        this.urls = Map.copyOf(urls);
    }

    String token(String principal) {
        return tokens.computeIfAbsent(principal, p -> {
            String basic = Base64.getEncoder().encodeToString((p + ":demo").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(urls.get("issuer") + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + p + ": HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body()).get("access_token").asString();
        });
    }

    /** Forget the tokens, e.g. after the issuer was restarted with a new key. */
    void forgetTokens() {
        tokens.clear();
    }

    /**
     * A request recorded by the hospital's coordinator for a caller (the door the load comes through: one open request
     * per person, and each caller here is a new person). The idempotency key makes a retry the same request.
     */
    CompletableFuture<HttpResponse<String>> submitAsync(String hospital, String key, Duration timeout) {
        String tag = key.replaceAll("[^A-Za-z0-9]", "");
        String body = """
                {"channel":"PHONE","request":{"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"Bench Caller %s","phone":"+1 603 555 %04d","email":"caller.%s@bench.example.org"}}}"""
                .formatted(tag, Math.floorMod(tag.hashCode(), 10000), tag);
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get("intake") + "/api/hospitals/" + hospital
                        + "/requests/on-behalf"))
                .header("Authorization", "Bearer " + token(hospital + "-coordinator"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A hospital system's trigger naming {@code staff} people. */
    HttpResponse<String> trigger(String hospital, String eventId, int staff) {
        StringBuilder involved = new StringBuilder();
        for (int i = 0; i < staff; i++) {
            involved.append(i == 0 ? "" : ",").append("{\"staffId\":\"").append(eventId).append("-staff-").append(i)
                    .append("\"}");
        }
        String body = "{\"hospitalEventId\":\"" + eventId + "\",\"occurredAt\":\"" + java.time.Instant.now()
                + "\",\"category\":\"ADVERSE_EVENT\",\"involvedStaff\":[" + involved + "]}";
        return post("intake", "/api/hospitals/" + hospital + "/triggers", hospital + "-system", body);
    }

    HttpResponse<String> get(String part, String path, String principal) {
        return send(HttpRequest.newBuilder(URI.create(urls.get(part) + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token(principal)).GET().build());
    }

    HttpResponse<String> post(String part, String path, String principal, String body) {
        return send(HttpRequest.newBuilder(URI.create(urls.get(part) + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token(principal)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
