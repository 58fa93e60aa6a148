package org.peersupport.training.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.peersupport.platform.web.NotFoundException;
import org.peersupport.training.domain.Attendee;
import org.peersupport.training.domain.Audience;
import org.peersupport.training.domain.Course;
import org.peersupport.training.domain.Registration;
import org.peersupport.training.domain.Session;
import org.peersupport.training.domain.SessionRuleBroken;
import org.peersupport.training.persistence.SessionDocument;
import org.peersupport.training.persistence.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sessions of the community's courses: scheduling by a hospital's coordinator, registration (atomic under any
 * crowd), cancellation that promotes the first person waiting, attendance that certifies, the reminder before a
 * session, and the calendar. A person is registered by the staff id of their token, never by name.
 */
@Service
public class SessionService implements TimerHandler {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final AggregateStore<SessionDocument> store;
    private final Sessions sessions;
    private final RosterService roster;
    private final TrainingProperties properties;
    private final Clock clock;

    public SessionService(AggregateStore<SessionDocument> store, Sessions sessions, RosterService roster,
            TrainingProperties properties, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.roster = roster;
        this.properties = properties;
        this.clock = clock;
    }

    /** The hospital's coordinator schedules a session; seats and waitlist default to the community's sizes. */
    public Session schedule(Caller caller, String hospitalId, Course course, Instant startsAt, Instant endsAt,
            String location, Audience audience, Integer seats, Integer waitlistPlaces) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        Decision<Session> decision = Session.schedule(UUID.randomUUID().toString(), hospitalId, course, startsAt,
                endsAt, location, audience, seats == null ? properties.seats() : seats,
                waitlistPlaces == null ? properties.waitlistPlaces() : waitlistPlaces, properties.reminderBefore(),
                clock.instant());
        Session session = decision.state();
        sessions.list(session.id(), session.startsAt());
        store.insert(new SessionDocument(session), null, decision);
        log.info("session {} of {} scheduled at {}", session.id(), course, hospitalId);
        return session;
    }

    /** The caller registers themselves: a seat, a place on the waitlist, or 409 {@code SESSION_FULL}. */
    public Registration register(Caller caller, String sessionId) {
        Attendee who = attendee(caller);
        Session session = visible(caller, sessionId);
        if (!session.admits(who)) {
            throw new SessionRuleBroken("HOSPITAL_ONLY", "this session is for the host hospital's staff");
        }
        if (!session.isOpenForRegistration(clock.instant())) {
            throw new SessionRuleBroken("SESSION_CLOSED", "the session has started");
        }
        Registration registration = sessions.register(sessionId, who, session.seats(), session.waitlistPlaces())
                .orElseThrow(() -> new NotFoundException("session"));
        if (registration == Registration.REFUSED) {
            throw new SessionRuleBroken("SESSION_FULL", "every seat and waitlist place is taken");
        }
        return registration;
    }

    /** The caller cancels their seat or waitlist place; a seat freed goes to the first person waiting. */
    public Session cancel(Caller caller, String sessionId) {
        Attendee who = attendee(caller);
        visible(caller, sessionId);
        Instant now = clock.instant();
        return store.apply(sessionId, null, (Session current) -> current.cancel(who, now)).changedTo()
                .orElseGet(() -> visible(caller, sessionId));
    }

    /** Where the caller stands in a session: seated, waitlisted, or neither (null). */
    public Registration standing(Caller caller, String sessionId) {
        return visible(caller, sessionId).standingOf(attendee(caller));
    }

    /**
     * The host's coordinator records who came; each of them on a roster is certified, renewed or reinstated by it
     * (once per session, however often this is recorded).
     */
    public Session recordAttendance(Caller caller, String hospitalId, String sessionId, List<Attendee> present) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        Session session = visible(caller, sessionId);
        if (!session.hospitalId().equals(hospitalId)) {
            throw new NotFoundException("session");
        }
        Instant now = clock.instant();
        store.apply(sessionId, null, (Session current) -> current.recordAttendance(present, now));
        Session recorded = sessions.find(sessionId).orElseThrow(() -> new NotFoundException("session"));
        // Also for those recorded before: a call cut short after the session's write certifies them now.
        for (String key : recorded.attended()) {
            Attendee who = Attendee.ofKey(key);
            roster.attended(who.staffId(), who.hospitalId(), recorded.course(), recorded.startsAt(),
                    "attendance:" + sessionId);
        }
        return recorded;
    }

    /** The host's coordinator sees who holds a seat, who waits (in turn) and who came. */
    public Session registrations(Caller caller, String hospitalId, String sessionId) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        return sessions.find(sessionId).filter(session -> session.hospitalId().equals(hospitalId))
                .orElseThrow(() -> new NotFoundException("session"));
    }

    /** A session the caller may see: a community session, or one of their own hospital. */
    public Session visible(Caller caller, String sessionId) {
        return sessions.find(sessionId).filter(session -> maySee(caller, session))
                .orElseThrow(() -> new NotFoundException("session"));
    }

    /** Upcoming sessions the caller may see, soonest first, over the next {@code calendar-months}. */
    public List<Session> calendar(Caller caller) {
        Instant now = clock.instant();
        Instant until = now.atOffset(ZoneOffset.UTC).plusMonths(properties.calendarMonths()).toInstant();
        return sessions.between(now, until).stream().filter(session -> maySee(caller, session)).toList();
    }

    @Override
    public String type() {
        return Session.REMINDER_TIMER;
    }

    @Override
    public void fire(TimerTask timer) {
        store.apply(timer.aggregateId(), timer.id(), (Session current) -> current.remind(clock.instant()));
    }

    private static boolean maySee(Caller caller, Session session) {
        return session.audience() == Audience.COMMUNITY
                || caller.hospitalId().filter(session.hospitalId()::equals).isPresent();
    }

    private static Attendee attendee(Caller caller) {
        return new Attendee(caller.hospital(), caller.subject());
    }
}
