package org.peersupport.followup.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** When check-ins fall due, as offsets from the moment the case opened: by default 72 hours, 1 week, 1 and 3 months. */
public record CheckInSchedule(List<Duration> offsets) {

    public CheckInSchedule {
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one check-in");
        }
        offsets = List.copyOf(offsets);
    }

    /** When check-in {@code number} (1-based) is due for a case opened at {@code openedAt}, if there is one. */
    public Optional<Instant> dueAt(Instant openedAt, int number) {
        return number >= 1 && number <= offsets.size() ? Optional.of(openedAt.plus(offsets.get(number - 1)))
                : Optional.empty();
    }
}
