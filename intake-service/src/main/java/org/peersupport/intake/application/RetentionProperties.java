package org.peersupport.intake.application;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long what identifies a requester is kept once their request ended (its case closed, or it was withdrawn):
 * {@code peersupport.retention.period} (default 30 days) for every hospital, {@code peersupport.retention.hospitals.<h>}
 * for hospital {@code h}; {@code 0s} purges at once, as UW Medicine's program does. The period in force when the
 * request ends is the one its purge timer keeps.
 */
@ConfigurationProperties("peersupport.retention")
public record RetentionProperties(@DefaultValue("30d") Duration period, Map<String, Duration> hospitals) {

    public RetentionProperties {
        hospitals = hospitals == null ? Map.of() : Map.copyOf(hospitals);
        if (period.isNegative() || hospitals.values().stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("a retention period is zero or more");
        }
    }

    /** The hospital's retention period. */
    public Duration of(String hospitalId) {
        return hospitals.getOrDefault(hospitalId, period);
    }
}
