package org.peersupport.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        @DefaultValue Timers timers) {

    public record Security(
            @DefaultValue("http://127.0.0.1:9000") String issuerUri,
            @DefaultValue("http://127.0.0.1:9000/oauth2/jwks") String jwkSetUri,
            @DefaultValue("peer-support-network") String audience,
            Resource publicKeyLocation,
            @DefaultValue List<String> publicPaths) {
    }

    public record Web(@DefaultValue("16KB") DataSize maxBodySize) {
    }

    public record Outbox(@DefaultValue("1s") Duration idleInterval, @DefaultValue("1s") Duration failureBackoff) {
    }

    public record Timers(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("60s") Duration lease) {
    }
}
