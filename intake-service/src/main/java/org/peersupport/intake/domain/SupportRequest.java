package org.peersupport.intake.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Instant;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.platform.kernel.Decision;

/** A health care worker's request for peer support. Contact details are not part of it: they stay sealed in storage. */
public record SupportRequest(
        String id,
        String hospitalId,
        String requesterRef,
        RequestDetails details,
        RequestStatus status,
        Instant submittedAt,
        String assignedSupporterId,
        Instant assignedAt,
        Instant withdrawnAt) {

    public static Decision<SupportRequest> submit(String id, String hospitalId, String requesterRef,
            RequestDetails details, Instant now) {
        SupportRequest request = new SupportRequest(id, hospitalId, requesterRef, details, RequestStatus.SUBMITTED,
                now, null, null, null);
        return Decision.to(request).publishing(new RequestSubmitted(newEventId(), now, hospitalId, id, requesterRef,
                details.requesterRole(), details.preferredModality(), details.preferredLanguage(),
                details.outsideHospitalPreferred(), details.unit(), details.reasonCategory(), details.urgency(),
                details.sameRolePreferred(), details.outsideUnitPreferred(), details.supporterGender(),
                details.origin()));
    }

    /** Still waiting for or receiving support: the one request a requester may have at a time. */
    public boolean isOpen() {
        return status != RequestStatus.WITHDRAWN;
    }

    /**
     * Records the supporter matching chose. Idempotent: the same supporter again changes nothing, and neither does
     * an assignment of a withdrawn request (the requester stepped back; matching's answer came too late).
     */
    public Decision<SupportRequest> assigned(String supporterId, Instant at) {
        if (status == RequestStatus.WITHDRAWN || supporterId.equals(assignedSupporterId)) {
            return Decision.unchanged(this);
        }
        return Decision.to(new SupportRequest(id, hospitalId, requesterRef, details, RequestStatus.ASSIGNED,
                submittedAt, supporterId, at, null));
    }

    /**
     * Matching found nobody; the coordinator has it now. Only a submitted request escalates: once assigned (matching
     * kept looking and found someone) or withdrawn, a late escalation changes nothing.
     */
    public Decision<SupportRequest> escalated(MatchEscalated escalation) {
        if (status != RequestStatus.SUBMITTED) {
            return Decision.unchanged(this);
        }
        return Decision.to(new SupportRequest(id, hospitalId, requesterRef, details, RequestStatus.ESCALATED,
                submittedAt, null, null, null));
    }

    /**
     * The requester steps back, at any stage: every service stops what it does for the request when it reads
     * {@code RequestWithdrawn}. Withdrawing again changes nothing and publishes nothing.
     */
    public Decision<SupportRequest> withdraw(Instant now) {
        if (status == RequestStatus.WITHDRAWN) {
            return Decision.unchanged(this);
        }
        return Decision.to(new SupportRequest(id, hospitalId, requesterRef, details, RequestStatus.WITHDRAWN,
                        submittedAt, assignedSupporterId, assignedAt, now))
                .publishing(new RequestWithdrawn(newEventId(), now, hospitalId, id));
    }
}
