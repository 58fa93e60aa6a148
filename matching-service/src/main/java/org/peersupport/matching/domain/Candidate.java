package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A supporter of the pool with matching's own state of them: availability, how many cases they carry now, how many
 * offers they have open (each may become a case, so they count against capacity), when they were last assigned, the events they were involved in, the requesters they must not support (pseudonyms) and the
 * requesters they supported before (pseudonyms, for continuity).
 */
public record Candidate(Supporter supporter, Availability availability, long activeCases, long openOffers,
        Instant lastAssignedAt,
        Set<String> involvedEventRefs, Set<String> conflictRefs, Set<String> supportedRequesterRefs) {

    public Candidate {
        availability = availability == null ? Availability.onCall() : availability;
        involvedEventRefs = involvedEventRefs == null ? Set.of() : Set.copyOf(involvedEventRefs);
        conflictRefs = conflictRefs == null ? Set.of() : Set.copyOf(conflictRefs);
        supportedRequesterRefs = supportedRequesterRefs == null ? Set.of() : Set.copyOf(supportedRequesterRefs);
    }

    /** An available supporter with {@code activeCases} cases, never assigned before and without history. */
    public Candidate(Supporter supporter, long activeCases) {
        this(supporter, Availability.onCall(), activeCases, 0, null, Set.of(), Set.of(), Set.of());
    }

    /** Cases held and offers open: what counts against capacity and for fairness. */
    public long load() {
        return activeCases + openOffers;
    }

    public String id() {
        return supporter.id();
    }
}
