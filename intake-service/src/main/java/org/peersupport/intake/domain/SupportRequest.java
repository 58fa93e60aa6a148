package org.peersupport.intake.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Instant;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.Modality;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.platform.kernel.Decision;

/** A health care worker's request for peer support. Contact details are not part of it: they stay sealed in storage. */
public record SupportRequest(
        String id,
        String hospitalId,
        String requesterRef,
        ClinicalRole requesterRole,
        Modality preferredModality,
        String preferredLanguage,
        boolean outsideHospitalPreferred,
        RequestStatus status,
        Instant submittedAt,
        String assignedSupporterId,
        Instant assignedAt) {

    public static Decision<SupportRequest> submit(String id, String hospitalId, String requesterRef, ClinicalRole role,
            Modality modality, String language, boolean outsideHospitalPreferred, Instant now) {
        SupportRequest request = new SupportRequest(id, hospitalId, requesterRef, role, modality, language,
                outsideHospitalPreferred, RequestStatus.SUBMITTED, now, null, null);
        return Decision.to(request).publishing(new RequestSubmitted(newEventId(), now, hospitalId, id, requesterRef,
                role, modality, language, outsideHospitalPreferred));
    }

    /**
     * Records the supporter matching chose. Idempotent: the same supporter again changes nothing, and neither does
     * an assignment of a withdrawn request (the requester stepped back; matching's answer came too late).
     */
    public Decision<SupportRequest> assigned(String supporterId, Instant at) {
        if (status == RequestStatus.WITHDRAWN || supporterId.equals(assignedSupporterId)) {
            return Decision.unchanged(this);
        }
        return Decision.to(new SupportRequest(id, hospitalId, requesterRef, requesterRole, preferredModality,
                preferredLanguage, outsideHospitalPreferred, RequestStatus.ASSIGNED, submittedAt, supporterId, at));
    }

    /**
     * Matching found nobody; the coordinator has it now. Only a submitted request escalates: once assigned (matching
     * kept looking and found someone) or withdrawn, a late escalation changes nothing.
     */
    public Decision<SupportRequest> escalated(MatchEscalated escalation) {
        if (status != RequestStatus.SUBMITTED) {
            return Decision.unchanged(this);
        }
        return Decision.to(new SupportRequest(id, hospitalId, requesterRef, requesterRole, preferredModality,
                preferredLanguage, outsideHospitalPreferred, RequestStatus.ESCALATED, submittedAt, null, null));
    }
}
