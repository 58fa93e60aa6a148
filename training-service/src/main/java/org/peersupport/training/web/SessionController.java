package org.peersupport.training.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.peersupport.platform.security.Caller;
import org.peersupport.training.application.SessionService;
import org.peersupport.training.domain.Attendee;
import org.peersupport.training.domain.Audience;
import org.peersupport.training.domain.Course;
import org.peersupport.training.domain.Registration;
import org.peersupport.training.domain.Session;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training sessions: a coordinator schedules them and records attendance; anyone who may see a session registers
 * themselves (by the staff id of their token) or cancels. Views show counts of seats, never who holds them.
 */
@RestController
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/hospitals/{hospitalId}/sessions")
    ResponseEntity<SessionView> schedule(@PathVariable String hospitalId, @Valid @RequestBody ScheduleBody body) {
        Session session = sessions.schedule(Caller.current(), hospitalId, body.course(), body.startsAt(),
                body.endsAt(), body.location(), body.audience(), body.seats(), body.waitlistPlaces());
        return ResponseEntity.created(URI.create("/api/sessions/" + session.id())).body(SessionView.of(session, null));
    }

    @GetMapping("/api/sessions/{sessionId}")
    SessionView get(@PathVariable String sessionId) {
        Caller caller = Caller.current();
        return SessionView.of(sessions.visible(caller, sessionId), sessions.standing(caller, sessionId));
    }

    @PostMapping("/api/sessions/{sessionId}/registration")
    StandingView register(@PathVariable String sessionId) {
        return new StandingView(sessionId, sessions.register(Caller.current(), sessionId));
    }

    @DeleteMapping("/api/sessions/{sessionId}/registration")
    ResponseEntity<Void> cancel(@PathVariable String sessionId) {
        sessions.cancel(Caller.current(), sessionId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/hospitals/{hospitalId}/sessions/{sessionId}/attendance")
    SessionView attendance(@PathVariable String hospitalId, @PathVariable String sessionId,
            @Valid @RequestBody AttendanceBody body) {
        List<Attendee> present = body.attendees().stream().map(a -> new Attendee(a.hospitalId(), a.staffId()))
                .toList();
        return SessionView.of(sessions.recordAttendance(Caller.current(), hospitalId, sessionId, present), null);
    }

    @GetMapping("/api/hospitals/{hospitalId}/sessions/{sessionId}/registrations")
    RegistrationsView registrations(@PathVariable String hospitalId, @PathVariable String sessionId) {
        Session session = sessions.registrations(Caller.current(), hospitalId, sessionId);
        return new RegistrationsView(session.id(), keys(session.seated()), keys(session.waitlisted()),
                keys(session.attended()));
    }

    private static List<AttendeeBody> keys(List<String> keys) {
        return keys.stream().map(Attendee::ofKey).map(a -> new AttendeeBody(a.hospitalId(), a.staffId())).toList();
    }

    @GetMapping("/api/calendar")
    List<SessionView> calendar() {
        return sessions.calendar(Caller.current()).stream().map(s -> SessionView.of(s, null)).toList();
    }

    record ScheduleBody(@NotNull Course course, @NotNull Instant startsAt, @NotNull Instant endsAt,
            @Size(max = 200, message = "at most 200 characters") String location, Audience audience,
            @Min(1) @Max(Session.MAX_SEATS) Integer seats, @Min(0) @Max(Session.MAX_SEATS) Integer waitlistPlaces) {
    }

    record AttendanceBody(@NotEmpty @Size(max = Session.MAX_SEATS) List<@Valid @NotNull AttendeeBody> attendees) {
    }

    record AttendeeBody(
            @NotNull @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a hospital id") String hospitalId,
            @NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "must be a staff id") String staffId) {
    }

    /** Staff ids only, in the order they came (the waitlist in the order it is served). */
    record RegistrationsView(String sessionId, List<AttendeeBody> seated, List<AttendeeBody> waitlisted,
            List<AttendeeBody> attended) {
    }

    record StandingView(String sessionId, Registration standing) {
    }

    record SessionView(String sessionId, String hospitalId, Course course, String title, Instant startsAt,
            Instant endsAt, String location, Audience audience, int seats, int seatsLeft, int waitlistPlaces,
            int waitlistPlacesLeft, Registration yourStanding) {

        static SessionView of(Session s, Registration standing) {
            return new SessionView(s.id(), s.hospitalId(), s.course(), s.course().title(), s.startsAt(), s.endsAt(),
                    s.location(), s.audience(), s.seats(), s.seatsLeft(), s.waitlistPlaces(), s.waitlistPlacesLeft(),
                    standing);
        }
    }
}
