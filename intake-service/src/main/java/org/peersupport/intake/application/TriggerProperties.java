package org.peersupport.intake.application;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code peersupport.triggers.*}: how many named staff make a trigger suggest a group debrief, how many one trigger
 * may name, and which hospital each producer on the trigger topic speaks for ({@code producers}, by {@code ce_source};
 * a source not listed is believed for no hospital).
 */
@ConfigurationProperties("peersupport.triggers")
public record TriggerProperties(
        @DefaultValue("5") int debriefThreshold,
        @DefaultValue("1000") int maxInvolvedStaff,
        @DefaultValue Map<String, String> producers) {

    public TriggerProperties {
        producers = Map.copyOf(producers);
    }
}
