package org.peersupport.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.platform.security.TrustedIssuers;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/** Settings shared by every service, under {@code peersupport.*}; the README lists them. */
@ConfigurationProperties("peersupport")
public record PlatformProperties(
        @DefaultValue("service") String serviceName,
        @DefaultValue("./.peer/data/service") Path dataDir,
        @DefaultValue Security security,
        @DefaultValue Web web,
        @DefaultValue Outbox outbox,
        @DefaultValue Store store,
        @DefaultValue Timers timers,
        @DefaultValue Crypto crypto,
        @DefaultValue Readiness readiness,
        @DefaultValue Metrics metrics) {

    /**
     * Who may call: the trusted issuers ({@code issuers[i].uri}, {@code .jwk-set-uri} or {@code .public-key-location},
     * {@code .hospitals}: the hospitals it speaks for, {@code *} for all and the network-wide roles). With no list,
     * the single {@code issuer-uri} (keys at {@code jwk-set-uri} or {@code public-key-location}) is the one trusted
     * issuer, bound to {@code *}.
     */
    public record Security(
            @DefaultValue("http://127.0.0.1:9000") String issuerUri,
            @DefaultValue("http://127.0.0.1:9000/oauth2/jwks") String jwkSetUri,
            @DefaultValue("peer-support-network") String audience,
            Resource publicKeyLocation,
            @DefaultValue List<String> publicPaths,
            @DefaultValue List<TrustedIssuers.Issuer> issuers) {

        /** The configured list, or the single default issuer bound to every hospital. */
        public List<TrustedIssuers.Issuer> trustedIssuers() {
            if (!issuers.isEmpty()) {
                return List.copyOf(issuers);
            }
            return List.of(new TrustedIssuers.Issuer(issuerUri, publicKeyLocation == null ? jwkSetUri : null,
                    publicKeyLocation, List.of(TrustedIssuers.EVERY_HOSPITAL)));
        }
    }

    /**
     * The largest request body, and larger limits for the paths that need them (an Ant-style pattern such as
     * {@code /api/hospitals/*}{@code /triggers} to its limit; the first match wins); the browser origins (the
     * console's) allowed to call with a bearer token (CORS, no cookies); and the other origins this service's own
     * pages may fetch from (the page's Content-Security-Policy {@code connect-src}, beside {@code 'self'}).
     */
    public record Web(@DefaultValue("16KB") DataSize maxBodySize, @DefaultValue Map<String, DataSize> maxBodySizeByPath,
            @DefaultValue({"http://127.0.0.1:8080", "http://localhost:8080"}) List<String> allowedOrigins,
            @DefaultValue List<String> connectSources) {

        public Web {
            maxBodySizeByPath = new LinkedHashMap<>(maxBodySizeByPath);
        }
    }

    /** The MongoDB client: how long a command waits for a reachable server before it fails (and HTTP answers 503). */
    public record Store(@DefaultValue("5s") Duration serverSelectionTimeout) {
    }

    /**
     * The relay: its idle tick, its pause while the broker or store is away, tries before parking, and how many
     * documents it hands over at a time.
     */
    public record Outbox(@DefaultValue("1s") Duration idleInterval, @DefaultValue("1s") Duration failureBackoff,
            @DefaultValue("10") int maxAttempts, @DefaultValue("8") int lanes) {
    }

    /** Timers: how often due ones are looked for, how long a claim holds, and tries before parking. */
    public record Timers(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("60s") Duration lease,
            @DefaultValue("10") int maxAttempts) {
    }

    /**
     * Readiness ({@code consumers} health): topics whose consuming group must have no lag before the service is ready,
     * how long an answer of the broker is reused, and how long to wait for one.
     */
    public record Readiness(@DefaultValue List<String> caughtUpTopics, @DefaultValue("1s") Duration cacheFor,
            @DefaultValue("2s") Duration timeout) {
    }

    /**
     * Metrics: how often the Kafka backlog (consumer lag, dead-letter depth) is measured in the background, and how
     * long to wait for the broker's answer.
     */
    public record Metrics(@DefaultValue("30s") Duration kafkaBacklogInterval,
            @DefaultValue("5s") Duration kafkaBacklogTimeout) {
    }

    /** Key storage: the key-encryption key (a Tink JSON AEAD keyset) that wraps keysets on disk; blank for none. */
    public record Crypto(@DefaultValue("") String keyEncryptionKeyset) {

        @Override
        public String toString() {
            return "Crypto[keyEncryptionKeyset=" + (keyEncryptionKeyset.isBlank() ? "none" : "(set)") + "]";
        }
    }
}
