package org.peersupport.console.application;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The network dashboard's settings: each hospital's SLA from submission to assignment
 * ({@code peersupport.console.dashboard.assignment-sla.<hospital>}, else {@code .default}), the most months one view
 * may span, and how often the live stream looks for changes and refreshes anyway.
 */
@ConfigurationProperties("peersupport.console.dashboard")
public record DashboardProperties(Map<String, Duration> assignmentSla, @DefaultValue("24") int maxMonths,
        @DefaultValue("1s") Duration streamTick, @DefaultValue("15s") Duration streamRefresh) {

    public static final String DEFAULT = "default";

    public DashboardProperties {
        assignmentSla = assignmentSla == null ? Map.of() : Map.copyOf(assignmentSla);
    }

    public Duration assignmentSla(String hospitalId) {
        return assignmentSla.getOrDefault(hospitalId, assignmentSla.getOrDefault(DEFAULT, Duration.ofHours(24)));
    }
}
