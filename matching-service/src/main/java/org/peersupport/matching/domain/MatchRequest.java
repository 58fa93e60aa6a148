package org.peersupport.matching.domain;

import java.util.Set;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.Urgency;

/**
 * What matching knows of a request: nothing personal, just what the choice depends on. {@code requesterRef} is the
 * requester's pseudonym (for continuity and listed conflicts); {@code unit} and the event refs are opaque ids.
 * Built from the event in one place, {@link #from(RequestSubmitted)}, so a field the event gains is wired in there.
 *
 * @param preferredModality null when the requester has no preference
 * @param language null when any language will do
 * @param networkChosen the requester chose the network: supporters of other hospitals who take network requests fit
 * @param unit the requester's unit, null when unknown
 * @param sameUnitAllowed the requester asked for (or accepts) someone of their own unit
 * @param involvedEventRefs the events (triggers) the requester was involved in
 * @param excludedSupporterIds supporters who must not be chosen: the requester's supervisor, listed conflicts
 * @param sameRolePreferred the requester wants someone in a similar role (the programs' default)
 * @param urgent the requester wants to be reached today: a shorter offer window, and a broadcast where allowed
 */
public record MatchRequest(String requestId, String hospitalId, String requesterRef, ClinicalRole requesterRole,
        Modality preferredModality, String language, boolean networkChosen, String unit, boolean sameUnitAllowed,
        Set<String> involvedEventRefs, Set<String> excludedSupporterIds, boolean sameRolePreferred, boolean urgent) {

    public MatchRequest {
        involvedEventRefs = involvedEventRefs == null ? Set.of() : Set.copyOf(involvedEventRefs);
        excludedSupporterIds = excludedSupporterIds == null ? Set.of() : Set.copyOf(excludedSupporterIds);
    }

    /** A request with the programs' defaults: any language and modality, own hospital, never the same unit. */
    public MatchRequest(String requestId, String hospitalId, ClinicalRole requesterRole) {
        this(requestId, hospitalId, null, requesterRole, null, null, false, null, false, Set.of(), Set.of(), true,
                false);
    }

    /**
     * The one place a submitted request becomes what matching decides on. Fields an older event lacks read as the
     * programs' defaults: not urgent, same role preferred, never the same unit. {@code outsideUnitPreferred == true}
     * keeps supporters of the requester's own unit out; {@code false} (intake's "not asked") lets them fit. The origin
     * names no trigger, so no involvement is known from the request yet.
     */
    public static MatchRequest from(RequestSubmitted event) {
        return new MatchRequest(event.requestId(), event.hospitalId(), event.requesterRef(), event.requesterRole(),
                event.preferredModality(), event.preferredLanguage(), event.outsideHospitalPreferred(), event.unit(),
                Boolean.FALSE.equals(event.outsideUnitPreferred()), Set.of(), Set.of(),
                !Boolean.FALSE.equals(event.sameRolePreferred()), event.urgency() == Urgency.TODAY);
    }
}
