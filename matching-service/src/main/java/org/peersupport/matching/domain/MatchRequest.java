package org.peersupport.matching.domain;

import org.peersupport.events.ClinicalRole;

/** What matching knows of a request: nothing personal, just what the choice depends on. */
public record MatchRequest(String requestId, String hospitalId, ClinicalRole requesterRole) {
}
