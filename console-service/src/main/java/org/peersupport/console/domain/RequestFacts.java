package org.peersupport.console.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What the dashboard knows of one request, gathered from whichever of its events have arrived, in any order: when it
 * was submitted and how it came in, when a supporter was first assigned, whether it was escalated or withdrawn, and
 * how many check-ins of its case fell due. No requester, no supporter: the request id is the only id it holds, and
 * only to join its events. The case id is the request id, so check-ins join here too.
 */
public record RequestFacts(String requestId, String hospitalId, Instant submittedAt, Source source,
        Instant assignedAt, boolean escalated, boolean withdrawn, int checkInsDue) {

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

    /** The month a request's submission falls in, as the read model keys it ({@code 2026-11}). */
    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }
}
