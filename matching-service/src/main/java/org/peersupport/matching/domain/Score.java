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
        Supporter supporter = candidate.supporter();
        int role = 0;
        if (request.sameRolePreferred() && request.requesterRole() != null) {
            if (supporter.role() == request.requesterRole()) {
                role = SAME_ROLE;
            } else if (RELATED.getOrDefault(request.requesterRole(), Set.of()).contains(supporter.role())) {
                role = RELATED_ROLE;
            }
        }
        int modality = request.preferredModality() != null
                && supporter.modalities().contains(request.preferredModality()) ? MODALITY : 0;
        int continuity = request.requesterRef() != null
                && candidate.supportedRequesterRefs().contains(request.requesterRef()) ? CONTINUITY : 0;
        return new Score(role, modality, continuity);
    }

    public int total() {
        return role + modality + continuity;
    }
}
