package org.peersupport.console.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * What the dashboard knows of one request, gathered from whichever of its events have arrived, in any order: when it
 * was submitted and how it came in, when a supporter was first assigned, whether it was escalated or withdrawn, and
 * how many check-ins of its case fell due; of its case, when the first contact was made and whether its clock was
 * beaten, how its check-ins ended, whether it was referred on and closed. No requester, no supporter: the request id
 * is the only id it holds, and only to join its events. The case id is the request id, so case events join here too.
 */
public record RequestFacts(String requestId, String hospitalId, Instant submittedAt, Source source,
        Instant assignedAt, boolean escalated, boolean withdrawn, int checkInsDue, FirstContact firstContact,
        CheckIns checkIns, boolean referred, boolean closed) {

    /**
     * The case's first contact: when it was made (null before), whether it came after its clock ran out
     * ({@code late}), and whether that clock's {@code SlaBreached} was seen. Either of the last two makes it beyond
     * the SLA, so they may arrive in any order.
     */
    public record FirstContact(Instant at, boolean late, boolean breached) {

        public static final FirstContact NONE = new FirstContact(null, false, false);

        /** Whether the first-contact clock has been decided: contact made, or its time run out. */
        public boolean decided() {
            return at != null || breached;
        }

        public boolean withinSla() {
            return decided() && !late && !breached;
        }
    }

    /**
     * The case's check-ins by how they ended, each number counted once: completed, recorded with another outcome
     * (no answer, declined, needs referral), or missed (its grace period ended with nothing recorded). A number both
     * recorded and missed counts as recorded: the outcome is what the supporter said.
     */
    public record CheckIns(Set<Integer> completed, Set<Integer> otherOutcome, Set<Integer> missed) {

        public static final CheckIns NONE = new CheckIns(Set.of(), Set.of(), Set.of());

        public long completedCount() {
            return completed.size();
        }

        public long otherOutcomeCount() {
            return otherOutcome.stream().filter(n -> !completed.contains(n)).count();
        }

        public long missedCount() {
            return missed.stream().filter(n -> !completed.contains(n) && !otherOutcome.contains(n)).count();
        }
    }

    /** What is known before any case event arrived. */
    public RequestFacts(String requestId, String hospitalId, Instant submittedAt, Source source, Instant assignedAt,
            boolean escalated, boolean withdrawn, int checkInsDue) {
        this(requestId, hospitalId, submittedAt, source, assignedAt, escalated, withdrawn, checkInsDue,
                FirstContact.NONE, CheckIns.NONE, false, false);
    }

    /** Only requests whose submission has been seen are counted; an assignment seen first waits for it. */
    public boolean submitted() {
        return submittedAt != null;
    }

    /** The month (UTC) the request counts in: that of its submission. */
    public YearMonth month() {
        return YearMonth.from(submittedAt.atZone(ZoneOffset.UTC));
    }

    /** From submission to the first assignment, when both are known. */
    public Optional<Duration> timeToAssignment() {
        if (submittedAt == null || assignedAt == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(submittedAt, assignedAt);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    /** From the first assignment (when the case opened and its clock started) to the first contact. */
    public Optional<Duration> timeToFirstContact() {
        if (assignedAt == null || firstContact.at() == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(assignedAt, firstContact.at());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    /** The month a request's submission falls in, as the read model keys it ({@code 2026-11}). */
    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }
}
