package org.peersupport.training.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.peersupport.events.SessionReminderDue;
import org.peersupport.events.SessionStarted;
import org.peersupport.events.WaitlistPromoted;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.InvalidValue;

/**
 * One session of a course, run by a hospital for its own staff or for the whole community, with {@code seats} seats
 * and {@code waitlistPlaces} places on the waitlist (Children's Minnesota: 16 and 5). The lists hold
 * {@link Attendee#key()}s in the order people came.
 *
 * <p>A registration is the one change not written through a decision: many people register at once, so the store
 * adds each one with a single conditional update that holds exactly {@link #placeFor}'s rule (see the persistence's
 * {@code Sessions.register}), instead of optimistic read-decide-write rounds that a crowd would lose. Every other
 * change is a decision under the version guard, which those updates bump too.
 */
public record Session(String id, String hospitalId, Course course, Instant startsAt, Instant endsAt, String location,
        Audience audience, int seats, int waitlistPlaces, List<String> seated, List<String> waitlisted,
        List<String> attended) {

    public static final String REMINDER_TIMER = "training.session-reminder";
    public static final String START_TIMER = "training.session-start";
    public static final int MAX_SEATS = 500;

    public Session {
        seated = seated == null ? List.of() : List.copyOf(seated);
        waitlisted = waitlisted == null ? List.of() : List.copyOf(waitlisted);
        attended = attended == null ? List.of() : List.copyOf(attended);
    }

    /**
     * Schedules a session; its seated people are reminded {@code reminderBefore} its start (when that is still
     * ahead), and at its start its seats and the seats taken are published ({@code SessionStarted}).
     */
    public static Decision<Session> schedule(String id, String hospitalId, Course course, Instant startsAt,
            Instant endsAt, String location, Audience audience, int seats, int waitlistPlaces, Duration reminderBefore,
            Instant now) {
        if (course == null) {
            throw new InvalidValue("course", "required");
        }
        if (startsAt == null || !startsAt.isAfter(now)) {
            throw new InvalidValue("startsAt", "must be in the future");
        }
        if (endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new InvalidValue("endsAt", "must be after startsAt");
        }
        if (seats < 1 || seats > MAX_SEATS) {
            throw new InvalidValue("seats", "must be 1 to " + MAX_SEATS);
        }
        if (waitlistPlaces < 0 || waitlistPlaces > MAX_SEATS) {
            throw new InvalidValue("waitlistPlaces", "must be 0 to " + MAX_SEATS);
        }
        Session session = new Session(id, hospitalId, course, startsAt, endsAt, location,
                audience == null ? Audience.HOSPITAL : audience, seats, waitlistPlaces, List.of(), List.of(),
                List.of());
        Decision<Session> decision = Decision.to(session)
                .scheduling(new Decision.Timer("start", START_TIMER, hospitalId, startsAt, Map.of()));
        Instant remindAt = startsAt.minus(reminderBefore);
        if (remindAt.isAfter(now)) {
            decision = decision.scheduling(new Decision.Timer("reminder", REMINDER_TIMER, hospitalId, remindAt,
                    Map.of()));
        }
        return decision;
    }

    /** Whether {@code who} may register: the host's staff always, others only for a community session. */
    public boolean admits(Attendee who) {
        return audience == Audience.COMMUNITY || hospitalId.equals(who.hospitalId());
    }

    /** Registration closes when the session starts. */
    public boolean isOpenForRegistration(Instant now) {
        return now.isBefore(startsAt);
    }

    /**
     * The registration rule: someone already in keeps their place; otherwise a free seat, else a free place on the
     * waitlist, else nothing.
     */
    public Registration placeFor(Attendee who) {
        if (seated.contains(who.key())) {
            return Registration.SEATED;
        }
        if (waitlisted.contains(who.key())) {
            return Registration.WAITLISTED;
        }
        if (seated.size() < seats) {
            return Registration.SEATED;
        }
        return waitlisted.size() < waitlistPlaces ? Registration.WAITLISTED : Registration.REFUSED;
    }

    /** Where {@code who} stands now: seated, waitlisted, or neither (null). */
    public Registration standingOf(Attendee who) {
        if (seated.contains(who.key())) {
            return Registration.SEATED;
        }
        return waitlisted.contains(who.key()) ? Registration.WAITLISTED : null;
    }

    /**
     * {@code who} cancels. A seat they free goes to the first person waiting, in the same write, and they are told
     * ({@code WaitlistPromoted}). Cancelling what one does not hold changes nothing (a retry).
     */
    public Decision<Session> cancel(Attendee who, Instant now) {
        if (!now.isBefore(startsAt)) {
            throw new SessionRuleBroken("SESSION_CLOSED", "the session has started");
        }
        if (waitlisted.contains(who.key())) {
            List<String> waiting = new ArrayList<>(waitlisted);
            waiting.remove(who.key());
            return Decision.to(with(seated, waiting));
        }
        if (!seated.contains(who.key())) {
            return Decision.unchanged(this);
        }
        List<String> taken = new ArrayList<>(seated);
        taken.remove(who.key());
        if (waitlisted.isEmpty()) {
            return Decision.to(with(taken, waitlisted));
        }
        String first = waitlisted.get(0);
        taken.add(first);
        Attendee promoted = Attendee.ofKey(first);
        return Decision.to(with(taken, waitlisted.subList(1, waitlisted.size())))
                .publishing(new WaitlistPromoted(newEventId(), now, promoted.hospitalId(), id, promoted.staffId(),
                        hospitalId, course.name(), startsAt));
    }

    /** Records who came (the host's coordinator, once it started); only seated people can have come. */
    public Decision<Session> recordAttendance(List<Attendee> present, Instant now) {
        if (now.isBefore(startsAt)) {
            throw new SessionRuleBroken("NOT_STARTED", "attendance is recorded once the session started");
        }
        LinkedHashSet<String> came = new LinkedHashSet<>(attended);
        for (Attendee who : present) {
            if (!seated.contains(who.key())) {
                throw new InvalidValue("attendees", "only people holding a seat can have attended");
            }
            came.add(who.key());
        }
        if (came.size() == attended.size()) {
            return Decision.unchanged(this);
        }
        return Decision.to(new Session(id, hospitalId, course, startsAt, endsAt, location, audience, seats,
                waitlistPlaces, seated, waitlisted, List.copyOf(came)));
    }

    /** The reminder timer: everyone seated now is to be reminded, one event each (ids only). */
    public Decision<Session> remind(Instant now) {
        if (!now.isBefore(startsAt) || seated.isEmpty()) {
            return Decision.unchanged(this);
        }
        Decision<Session> decision = Decision.to(this);
        for (String key : seated) {
            Attendee who = Attendee.ofKey(key);
            decision = decision.publishing(new SessionReminderDue(newEventId(), now, who.hospitalId(), id,
                    who.staffId(), hospitalId, course.name(), startsAt));
        }
        return decision;
    }

    /**
     * The start timer: registration has closed, so the seats taken are final; published once, counts only, for the
     * network's workshop fill. A timer firing again after a crash publishes the same counts again (the dashboard
     * keys them by session).
     */
    public Decision<Session> start(Instant now) {
        if (now.isBefore(startsAt)) {
            return Decision.unchanged(this);
        }
        return Decision.to(this).publishing(new SessionStarted(newEventId(), now, hospitalId, id, course.name(),
                startsAt, seats, seated.size()));
    }

    public int seatsLeft() {
        return Math.max(0, seats - seated.size());
    }

    public int waitlistPlacesLeft() {
        return Math.max(0, waitlistPlaces - waitlisted.size());
    }

    private Session with(List<String> seatedNow, List<String> waitlistedNow) {
        return new Session(id, hospitalId, course, startsAt, endsAt, location, audience, seats, waitlistPlaces,
                seatedNow, waitlistedNow, attended);
    }
}
