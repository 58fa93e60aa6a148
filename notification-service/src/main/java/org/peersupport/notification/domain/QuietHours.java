package org.peersupport.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.peersupport.platform.kernel.InvalidValue;

/** Hours of the day, in the person's own time zone, when non-urgent notices wait; {@code from} may be after {@code to}. */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    public QuietHours {
        if (from == null || to == null || zone == null) {
            throw new InvalidValue("quietHours", "needs from, to and zone");
        }
        if (from.equals(to)) {
            throw new InvalidValue("quietHours", "from and to must differ");
        }
    }

    /** When the quiet hours that hold {@code now} end, or empty when {@code now} is not within them. */
    public Optional<Instant> endIfWithin(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = from.isAfter(to);
        boolean within = overnight ? !time.isBefore(from) || time.isBefore(to)
                : !time.isBefore(from) && time.isBefore(to);
        if (!within) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(to);
        if (!end.isAfter(local)) {
            end = end.plusDays(1).with(to);
        }
        return Optional.of(end.toInstant());
    }
}
