package org.peersupport.matching.domain;

import java.time.Instant;
import java.util.Set;

/** Candidates: a supporter with matching's own state of them, available and without history unless told. */
final class CandidateMother {

    private Supporter supporter;
    private Availability availability = Availability.onCall();
    private long activeCases;
    private long openOffers;
    private Instant lastAssignedAt;
    private Set<String> involvedEventRefs = Set.of();
    private Set<String> conflictRefs = Set.of();
    private Set<String> supportedRequesterRefs = Set.of();

    private CandidateMother(Supporter supporter) {
        this.supporter = supporter;
    }

    static CandidateMother of(Supporter supporter) {
        return new CandidateMother(supporter);
    }

    static Candidate free(Supporter supporter) {
        return of(supporter).build();
    }

    CandidateMother active(long cases) {
        activeCases = cases;
        return this;
    }

    CandidateMother offered(long offers) {
        openOffers = offers;
        return this;
    }

    CandidateMother lastAssigned(Instant at) {
        lastAssignedAt = at;
        return this;
    }

    CandidateMother availability(Availability value) {
        availability = value;
        return this;
    }

    CandidateMother involvedIn(String... eventRefs) {
        involvedEventRefs = Set.of(eventRefs);
        return this;
    }

    CandidateMother inConflictWith(String... requesterRefs) {
        conflictRefs = Set.of(requesterRefs);
        return this;
    }

    CandidateMother supportedBefore(String... requesterRefs) {
        supportedRequesterRefs = Set.of(requesterRefs);
        return this;
    }

    Candidate build() {
        return new Candidate(supporter, availability, activeCases, openOffers, lastAssignedAt, involvedEventRefs,
                conflictRefs, supportedRequesterRefs);
    }
}
