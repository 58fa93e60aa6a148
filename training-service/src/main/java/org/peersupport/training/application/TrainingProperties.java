package org.peersupport.training.application;

import java.time.Duration;
import java.util.Map;
import org.peersupport.training.domain.RosterEntry;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code peersupport.training.*}: a session has {@code seats} seats and {@code waitlist-places} places on its
 * waitlist unless its coordinator says otherwise; seated people are reminded {@code reminder-before} it starts. A
 * certification lasts {@code education-every} from the attendance that gave or renewed it (quarterly ongoing
 * education), then lapses. A nominee needs {@code minimum-years-of-experience.<hospital>} years (key {@code default}
 * for the rest; 2 when unset). The calendar shows {@code calendar-months} ahead.
 */
@ConfigurationProperties("peersupport.training")
public record TrainingProperties(@DefaultValue("16") int seats, @DefaultValue("5") int waitlistPlaces,
        @DefaultValue("24h") Duration reminderBefore, @DefaultValue("90d") Duration educationEvery,
        Map<String, Integer> minimumYearsOfExperience, @DefaultValue("6") int calendarMonths) {

    public TrainingProperties {
        minimumYearsOfExperience = minimumYearsOfExperience == null ? Map.of() : Map.copyOf(minimumYearsOfExperience);
    }

    public int minimumYearsOf(String hospitalId) {
        return minimumYearsOfExperience.getOrDefault(hospitalId, minimumYearsOfExperience.getOrDefault("default",
                RosterEntry.MINIMUM_YEARS_OF_EXPERIENCE));
    }
}
