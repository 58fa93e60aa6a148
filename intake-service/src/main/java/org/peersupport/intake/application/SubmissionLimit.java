package org.peersupport.intake.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.peersupport.intake.persistence.SubmissionCounts;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.web.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * At most {@code peersupport.intake.rate-limit.submissions-per-hour} submissions per caller and clock hour, counted
 * in one document per caller and hour that every instance raises atomically. Without it one staff token could fill
 * every supporter slot of a hospital with a few POSTs. A coordinator recording requests for callers has its own,
 * larger allowance ({@code on-behalf-per-hour}): after a mass-casualty event the phone does not stop.
 */
@Component
public class SubmissionLimit {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final SubmissionCounts counts;
    private final Requesters requesters;
    private final int selfPerWindow;
    private final int onBehalfPerWindow;
    private final Clock clock;

    SubmissionLimit(SubmissionCounts counts, Requesters requesters, IntakeProperties properties, Clock clock) {
        this.counts = counts;
        this.requesters = requesters;
        this.selfPerWindow = properties.rateLimit().submissionsPerHour();
        this.onBehalfPerWindow = properties.rateLimit().onBehalfPerHour();
        this.clock = clock;
    }

    /** Which allowance a submission counts against. */
    public enum Door {
        SELF, ON_BEHALF
    }

    /** Counts one submission of the caller, or answers 429 with the time left in the window when over the limit. */
    public void count(Caller caller, String hospitalId, Door door) {
        if (!tryCount(caller, hospitalId, door)) {
            Instant now = clock.instant();
            throw new TooManyRequestsException("submissions", Duration.between(now, windowEnd(now)));
        }
    }

    /** Counts one submission of the caller; false when it is over the limit. */
    public boolean tryCount(Caller caller, String hospitalId, Door door) {
        Instant now = clock.instant();
        Instant start = now.truncatedTo(ChronoUnit.HOURS);
        String key = requesters.counterOf(caller, hospitalId) + ":" + door.name() + ":" + start.getEpochSecond();
        return counts.increment(key, windowEnd(now)) <= (door == Door.SELF ? selfPerWindow : onBehalfPerWindow);
    }

    private static Instant windowEnd(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS).plus(WINDOW);
    }
}
