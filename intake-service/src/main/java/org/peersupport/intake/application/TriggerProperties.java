package org.peersupport.intake.application;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code peersupport.triggers.*}: how many named staff make a trigger suggest a group debrief, how many one trigger
 * may name, how large one may be at either door (the HTTPS path's body limit is set from the same value in
 * application.yaml, so the platform's filter answers 413 first), and which hospital each producer on the trigger topic speaks for ({@code producers}, by {@code ce_source};
 * a source not listed is believed for no hospital).
 */
@ConfigurationProperties("peersupport.triggers")
public record TriggerProperties(
        @DefaultValue("5") int debriefThreshold,
        @DefaultValue("1000") int maxInvolvedStaff,
        @DefaultValue("128KB") DataSize maxSize,
        @DefaultValue Map<String, String> producers) {

    public TriggerProperties {
        producers = Map.copyOf(producers);
        if (maxSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("peersupport.triggers.max-size must stay below 2GB");
        }
    }

    /** The largest trigger body accepted, in bytes. */
    public int maxBytes() {
        return (int) maxSize.toBytes();
    }
}
