package org.peersupport.training.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.peersupport.platform.security.Caller;
import org.peersupport.training.application.SessionService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The community's calendar of upcoming sessions as an iCalendar feed (RFC 5545), for calendar clients. */
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final SessionService sessions;
    private final Clock clock;

    CalendarController(SessionService sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/api/calendar.ics")
    ResponseEntity<String> feed() {
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .body(ICalendar.of(sessions.calendar(Caller.current()), clock.instant()));
    }
}
