package org.peersupport.intake.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code peersupport.intake.rate-limit.submissions-per-hour}: how many submissions one caller may make in a clock
 * hour, across every instance (default 10); a request for oneself is one, so this only stops a token filling a
 * hospital's supporter slots. {@code on-behalf-per-hour}: how many requests one coordinator may record for callers
 * (default 120).
 */
@ConfigurationProperties("peersupport.intake")
public record IntakeProperties(@DefaultValue RateLimit rateLimit) {

    public record RateLimit(@DefaultValue("10") int submissionsPerHour, @DefaultValue("120") int onBehalfPerHour) {
    }
}
