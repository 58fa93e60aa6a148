package org.peersupport.followup.application;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code peersupport.followup.check-in-schedule}: offsets from case opening; tests and demos use seconds. */
@ConfigurationProperties("peersupport.followup")
public record FollowupProperties(@DefaultValue({"72h", "7d", "30d", "90d"}) List<Duration> checkInSchedule) {
}
