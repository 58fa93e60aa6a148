package org.peersupport.notification.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Notification's own settings ({@code peersupport.notification.*}); see the README's notification section. */
@ConfigurationProperties("peersupport.notification")
public record NotificationSettings(
        @DefaultValue("http://127.0.0.1:8080") String consoleUrl,
        @DefaultValue("http://127.0.0.1:8082/offer-links") String offerLinkUrl,
        @DefaultValue Email email,
        @DefaultValue Sms sms,
        @DefaultValue Providers providers) {

    /** The sender address of every email; SMTP itself is {@code spring.mail.*}. */
    public record Email(@DefaultValue("peer-support@notification.peersupport.local") String from) {
    }

    /** The SMS provider's HTTP API; no base URL, no SMS channel. */
    public record Sms(String baseUrl, String apiKey, @DefaultValue("5s") Duration timeout) {
    }

    /** The guards around each provider. */
    public record Providers(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2.0") double backoffMultiplier,
            @DefaultValue("0.5") double jitter,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("10") int breakerWindow,
            @DefaultValue("5") int breakerMinimumCalls,
            @DefaultValue("50") float breakerFailureRate,
            @DefaultValue("30s") Duration breakerOpenFor,
            @DefaultValue("2") int breakerHalfOpenCalls,
            @DefaultValue("50") int ratePerSecond,
            @DefaultValue("2s") Duration rateWait,
            @DefaultValue("10") int bulkheadConcurrent,
            @DefaultValue("1s") Duration bulkheadWait) {
    }
}
