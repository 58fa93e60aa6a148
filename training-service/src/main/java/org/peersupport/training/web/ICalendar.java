package org.peersupport.training.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.peersupport.training.domain.Audience;
import org.peersupport.training.domain.Session;

/**
 * Writes sessions as an iCalendar stream (RFC 5545): one VEVENT per session, times in UTC, text escaped, lines
 * folded at 75 octets and ended by CRLF. Only what the calendar shows anyone: course, time, place, host and seats
 * left, never who registered.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private ICalendar() {
    }

    static String of(List<Session> sessions, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Peer Support Network//Training calendar//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text("Peer support learning community"));
        for (Session s : sessions) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + s.id() + "@training.peersupport");
            line(out, "DTSTAMP:" + UTC.format(now.truncatedTo(ChronoUnit.SECONDS)));
            line(out, "DTSTART:" + UTC.format(s.startsAt()));
            line(out, "DTEND:" + UTC.format(s.endsAt()));
            line(out, "SUMMARY:" + text(s.course().title()));
            if (s.location() != null && !s.location().isBlank()) {
                line(out, "LOCATION:" + text(s.location()));
            }
            line(out, "DESCRIPTION:" + text("Hosted by " + s.hospitalId() + ", "
                    + (s.audience() == Audience.COMMUNITY ? "open to the community"
                    : "for " + s.hospitalId() + " staff") + ". Seats left: " + s.seatsLeft() + " of " + s.seats()
                    + "; waitlist places left: " + s.waitlistPlacesLeft() + "."));
            line(out, "CATEGORIES:" + text(s.course().name()));
            line(out, "STATUS:CONFIRMED");
            line(out, "TRANSP:OPAQUE");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded so that no line is longer than 75 octets (continuations start with a space). */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }
}
