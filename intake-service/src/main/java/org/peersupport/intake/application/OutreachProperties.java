package org.peersupport.intake.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code peersupport.outreach.expires-after}: how long an outreach offer stays open unanswered. */
@ConfigurationProperties("peersupport.outreach")
public record OutreachProperties(@DefaultValue("72h") Duration expiresAfter) {
}
