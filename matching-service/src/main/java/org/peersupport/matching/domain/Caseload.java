package org.peersupport.matching.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.SupporterAssigned;

/**
 * The requests a supporter holds, kept on the supporter's own record so that taking a place is one atomic write
 * there: the single source of truth for their load. A refused attempt is remembered too, so that an attempt's answer
 * never changes once given, even if a place frees up before the request moves on to someone else. With each place
 * taken, when (for fairness, and the week's places for a {@link CoolDown}) and for whom (the requester's pseudonym,
 * for continuity when they come back).
 */
public record Caseload(List<String> requestIds, List<String> refusedAttempts, Instant lastAssignedAt,
        List<String> supportedRequesterRefs, List<Instant> takenThisWeek) {

    /** How many refused attempts a record remembers; a late answer to one comes long before this many newer ones. */
    static final int REFUSALS_KEPT = 100;
    /** How many requesters a record remembers having supported, most recent last. */
    static final int REQUESTERS_KEPT = 50;

    public enum Outcome {
        RESERVED, ALREADY_HELD, REFUSED
    }

    /**
     * The caseload after a reservation, its outcome, the events it publishes and, when taking this place reached
     * the hospital's {@link CoolDown}, until when the supporter rests from new offers (else null).
     */
    public record Reservation(Caseload caseload, Outcome outcome, List<DomainEvent> events, Instant coolDownUntil) {

        Reservation(Caseload caseload, Outcome outcome, List<DomainEvent> events) {
            this(caseload, outcome, events, null);
        }
    }

    public Caseload {
        requestIds = requestIds == null ? List.of() : List.copyOf(requestIds);
        refusedAttempts = refusedAttempts == null ? List.of() : List.copyOf(refusedAttempts);
        supportedRequesterRefs = supportedRequesterRefs == null ? List.of() : List.copyOf(supportedRequesterRefs);
        takenThisWeek = takenThisWeek == null ? List.of() : List.copyOf(takenThisWeek);
    }

    public static Caseload empty() {
        return new Caseload(List.of(), List.of(), null, List.of(), List.of());
    }

    public int active() {
        return requestIds.size();
    }

    /**
     * Takes a place for the assignment's current attempt if the supporter is current, of its hospital (or of the network
     * the requester chose) and has room.
     */
    public Reservation reserve(Supporter supporter, Assignment assignment, Instant now) {
        return reserve(supporter, assignment, now, CoolDown.NONE);
    }

    /** As {@link #reserve(Supporter, Assignment, Instant)}, giving the cool-down the hospital's rule asks for. */
    public Reservation reserve(Supporter supporter, Assignment assignment, Instant now, CoolDown coolDown) {
        if (!supporter.id().equals(assignment.supporterId())) {
            throw new IllegalArgumentException("the assignment chose another supporter");
        }
        String requestId = assignment.request().requestId();
        if (requestIds.contains(requestId)) {
            return new Reservation(this, Outcome.ALREADY_HELD, List.of());
        }
        String token = assignment.reservationToken();
        if (refusedAttempts.contains(token)) {
            return new Reservation(this, Outcome.REFUSED, List.of());
        }
        // The rules that can change between choosing and reserving, checked again on the record itself.
        Candidate self = new Candidate(supporter, requestIds.size());
        MatchRequest request = assignment.request();
        boolean fits = HardRule.CERTIFIED_AND_CURRENT.passes(request, self, now)
                && HardRule.OWN_HOSPITAL_OR_NETWORK.passes(request, self, now)
                && HardRule.WITHIN_CAPACITY.passes(request, self, now);
        if (!fits) {
            return new Reservation(new Caseload(requestIds, appended(refusedAttempts, token, REFUSALS_KEPT),
                    lastAssignedAt, supportedRequesterRefs, takenThisWeek), Outcome.REFUSED, List.of());
        }
        List<String> held = new ArrayList<>(requestIds);
        held.add(requestId);
        List<String> supported = assignment.requesterRef() == null ? supportedRequesterRefs
                : appended(supportedRequesterRefs, assignment.requesterRef(), REQUESTERS_KEPT);
        List<Instant> taken = new ArrayList<>(takenThisWeek.stream()
                .filter(at -> at.isAfter(now.minus(CoolDown.WEEK))).toList());
        taken.add(now);
        return new Reservation(new Caseload(held, refusedAttempts, now, supported, taken), Outcome.RESERVED,
                List.of(new SupporterAssigned(newEventId(), now, assignment.request().hospitalId(),
                        requestId, assignment.requesterRef(), supporter.id(), assignment.request().urgent())),
                coolDown.until(taken, now));
    }

    /** Frees the place a request held (its case is over); the same caseload when it held none. */
    public Caseload release(String requestId) {
        if (!requestIds.contains(requestId)) {
            return this;
        }
        List<String> held = new ArrayList<>(requestIds);
        held.remove(requestId);
        return new Caseload(held, refusedAttempts, lastAssignedAt, supportedRequesterRefs, takenThisWeek);
    }

    /** {@code list} with {@code value} last (moved there if it was in already), keeping the newest {@code kept}. */
    private static List<String> appended(List<String> list, String value, int kept) {
        List<String> longer = new ArrayList<>(list);
        longer.remove(value);
        longer.add(value);
        return longer.size() > kept ? longer.subList(longer.size() - kept, longer.size()) : longer;
    }
}
