package org.peersupport.matching.domain;

import java.util.Map;
import java.util.Set;
import org.peersupport.events.ClinicalRole;

/**
 * The soft part of a choice between supporters who pass every {@link HardRule}: points for a similar role, the
 * preferred modality and continuity with a previous supporter. Between equal totals fairness decides (fewest active
 * cases, then least recently assigned, then the id, so the choice is repeatable); see {@link MatchPolicy}.
 */
public record Score(int role, int modality, int continuity) {

    /** A returning requester gets back to the supporter they had: more than any other preference. */
    public static final int CONTINUITY = 4;
    public static final int SAME_ROLE = 2;
    public static final int RELATED_ROLE = 1;
    public static final int MODALITY = 1;

    /** Roles close enough that "someone in a similar role" is still met. */
    private static final Map<ClinicalRole, Set<ClinicalRole>> RELATED = Map.of(
            ClinicalRole.NURSE, Set.of(ClinicalRole.ADVANCED_PRACTICE),
            ClinicalRole.PHYSICIAN, Set.of(ClinicalRole.ADVANCED_PRACTICE),
            ClinicalRole.ADVANCED_PRACTICE, Set.of(ClinicalRole.NURSE, ClinicalRole.PHYSICIAN),
            ClinicalRole.PHARMACIST, Set.of(ClinicalRole.THERAPIST, ClinicalRole.TECHNICIAN),
            ClinicalRole.THERAPIST, Set.of(ClinicalRole.PHARMACIST, ClinicalRole.TECHNICIAN),
            ClinicalRole.TECHNICIAN, Set.of(ClinicalRole.PHARMACIST, ClinicalRole.THERAPIST));

    public static Score of(MatchRequest request, Candidate candidate) {
        return new Score(role(request, candidate), modality(request, candidate), continuity(request, candidate));
    }

    /** The total alone, without allocating: a decision computes it for every eligible candidate of the pool. */
    static int totalOf(MatchRequest request, Candidate candidate) {
        return role(request, candidate) + modality(request, candidate) + continuity(request, candidate);
    }

    private static int role(MatchRequest request, Candidate candidate) {
        ClinicalRole role = candidate.supporter().role();
        if (!request.sameRolePreferred() || request.requesterRole() == null) {
            return 0;
        }
        if (role == request.requesterRole()) {
            return SAME_ROLE;
        }
        return RELATED.getOrDefault(request.requesterRole(), Set.of()).contains(role) ? RELATED_ROLE : 0;
    }

    private static int modality(MatchRequest request, Candidate candidate) {
        return request.preferredModality() != null
                && candidate.supporter().modalities().contains(request.preferredModality()) ? MODALITY : 0;
    }

    private static int continuity(MatchRequest request, Candidate candidate) {
        return request.requesterRef() != null
                && candidate.supportedRequesterRefs().contains(request.requesterRef()) ? CONTINUITY : 0;
    }

    public int total() {
        return role + modality + continuity;
    }
}
