package org.peersupport.notification.channels;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Templates.Rendered;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through an HTTP provider: {@code POST <base-url>/messages} with {@code {"to":…,"text":…}}, a bearer API key,
 * and the dedupe key as {@code Idempotency-Key}, which providers of this kind use to send a repeated request once.
 * 2xx: taken; 429 and 5xx or no answer: worth retrying; any other 4xx: this message is refused.
 */
public class SmsChannel implements OutsideChannel {

    private final HttpClient http;
    private final URI messages;
    private final String apiKey;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    public SmsChannel(String baseUrl, String apiKey, Duration timeout) {
        this.messages = URI.create(baseUrl.replaceAll("/+$", "") + "/messages");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(String address, Rendered message, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(messages)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("to", address, "text", message.text()))));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new ProviderFailure("SMS provider unreachable: " + e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure("interrupted", true);
        }
        if (status / 100 == 2) {
            return;
        }
        throw new ProviderFailure("SMS provider answered " + status, status == 429 || status >= 500);
    }
}
