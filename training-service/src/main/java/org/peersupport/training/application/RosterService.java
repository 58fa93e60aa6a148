package org.peersupport.training.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.peersupport.platform.web.NotFoundException;
import org.peersupport.training.domain.Course;
import org.peersupport.training.domain.Profile;
import org.peersupport.training.domain.RosterEntry;
import org.peersupport.training.persistence.RosterDocument;
import org.peersupport.training.persistence.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The roster: nominations, approval, profiles, certification by attendance, and the lapse of a certification that
 * was not renewed (its durable timer). Every certification and lapse is announced to matching's pool.
 */
@Service
public class RosterService implements TimerHandler {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);

    private final AggregateStore<RosterDocument> roster;
    private final Rosters rosters;
    private final TrainingProperties properties;
    private final Clock clock;

    public RosterService(AggregateStore<RosterDocument> roster, Rosters rosters, TrainingProperties properties,
            Clock clock) {
        this.roster = roster;
        this.rosters = rosters;
        this.properties = properties;
        this.clock = clock;
    }

    /** Adds a certified supporter once (the demo roster); certifying the same id again changes nothing. */
    public boolean certify(RosterEntry entry) {
        Decision<RosterEntry> decision = entry.certify(clock.instant());
        return roster.insert(new RosterDocument(decision.state()), null, decision);
    }

    /**
     * Nominates a staff member of the caller's hospital: themselves (no {@code staffId}), or a colleague (a staff
     * member or supporter nominating) or one of their staff (a coordinator, as a leader). A second nomination of
     * someone already on the roster is refused.
     */
    public RosterEntry nominate(Caller caller, String hospitalId, String staffId, String displayName,
            Profile profile, int yearsOfExperience) {
        caller.require(Role.STAFF, Role.SUPPORTER, Role.COORDINATOR).requireHospital(hospitalId);
        boolean self = staffId == null || staffId.equals(caller.subject());
        RosterEntry.NominatedBy by = self ? RosterEntry.NominatedBy.SELF
                : caller.has(Role.COORDINATOR) ? RosterEntry.NominatedBy.LEADER : RosterEntry.NominatedBy.COLLEAGUE;
        String id = self ? caller.subject() : staffId;
        Decision<RosterEntry> decision = RosterEntry.nominate(id, hospitalId, displayName, by, profile,
                yearsOfExperience, properties.minimumYearsOf(hospitalId));
        if (!roster.insert(new RosterDocument(decision.state()), null, decision)) {
            throw new AlreadyOnTheRoster();
        }
        log.info("supporter {} nominated at {}", id, hospitalId);
        return decision.state();
    }

    /** The hospital's coordinator approves a nomination. */
    public RosterEntry approve(Caller caller, String hospitalId, String supporterId) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        ownEntry(hospitalId, supporterId);
        return roster.apply(supporterId, null, RosterEntry::approve).changedTo()
                .orElseGet(() -> ownEntry(hospitalId, supporterId));
    }

    /** The supporter themselves, or their coordinator, changes the profile; a certified one's goes to matching. */
    public RosterEntry updateProfile(Caller caller, String hospitalId, String supporterId, Profile profile) {
        caller.requireHospital(hospitalId);
        if (!caller.has(Role.COORDINATOR) && !caller.subject().equals(supporterId)) {
            throw new NotFoundException("supporter");
        }
        ownEntry(hospitalId, supporterId);
        Instant now = clock.instant();
        return roster.apply(supporterId, null, (RosterEntry current) -> current.updateProfile(profile, now))
                .changedTo().orElseGet(() -> ownEntry(hospitalId, supporterId));
    }

    /**
     * The person attended a session of {@code course}: certifies, renews or reinstates them if they are on the
     * roster, once per session ({@code causeId}).
     */
    void attended(String supporterId, String hospitalId, Course course, Instant attendedAt, String causeId) {
        Instant now = clock.instant();
        roster.apply(supporterId, causeId, (RosterEntry current) -> current.hospitalId().equals(hospitalId)
                ? current.attended(course, attendedAt, properties.educationEvery(), now)
                : Decision.unchanged(current));
    }

    public List<RosterEntry> rosterOf(Caller caller, String hospitalId) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        return rosters.of(hospitalId);
    }

    public List<RosterEntry> rosterOf(String hospitalId) {
        return rosters.of(hospitalId);
    }

    @Override
    public String type() {
        return RosterEntry.LAPSE_TIMER;
    }

    /** A certification's end: it lapses unless renewed since. */
    @Override
    public void fire(TimerTask timer) {
        String until = timer.payload().get(RosterEntry.LAPSES_CERTIFICATION);
        Instant timerUntil = until == null ? null : Instant.parse(until);
        roster.apply(timer.aggregateId(), timer.id(),
                (RosterEntry current) -> current.lapseDue(timerUntil, clock.instant()))
                .changedTo().filter(entry -> entry.status() == RosterEntry.Status.LAPSED)
                .ifPresent(entry -> log.info("supporter {} lapsed", entry.supporterId()));
    }

    private RosterEntry ownEntry(String hospitalId, String supporterId) {
        return roster.find(supporterId).map(RosterDocument::toDomain)
                .filter(entry -> entry.hospitalId().equals(hospitalId))
                .orElseThrow(() -> new NotFoundException("supporter"));
    }
}
