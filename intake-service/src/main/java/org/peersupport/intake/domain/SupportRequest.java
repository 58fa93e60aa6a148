package org.peersupport.intake.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.platform.kernel.Decision;

/**
 * A health care worker's request for peer support. Contact details are not part of it: they stay sealed in storage.
 * Once it ended (withdrawn, or its case closed) and the hospital's retention period is over, it is purged: what
 * could identify the requester is gone, and what is left counts for the program's figures.
 */
public record SupportRequest(
        String id,
        String hospitalId,
        String requesterRef,
        RequestDetails details,
        RequestStatus status,
        Instant submittedAt,
        String assignedSupporterId,
        Instant assignedAt,
        Instant withdrawnAt,
        Instant closedAt,
        Instant purgedAt) {

    /** The type of the timer that purges an ended request once the hospital's retention period is over. */
    public static final String PURGE_TIMER = "intake.purge";

    /** A request that has not ended or been purged. */
    public SupportRequest(String id, String hospitalId, String requesterRef, RequestDetails details,
            RequestStatus status, Instant submittedAt, String assignedSupporterId, Instant assignedAt,
            Instant withdrawnAt) {
        this(id, hospitalId, requesterRef, details, status, submittedAt, assignedSupporterId, assignedAt,
                withdrawnAt, null, null);
    }

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
        return status != RequestStatus.WITHDRAWN && status != RequestStatus.CLOSED;
    }

    /** Whether {@code supporterId} holds this request now: assigned to them, and neither withdrawn nor closed. */
    public boolean heldBy(String supporterId) {
        return status == RequestStatus.ASSIGNED && supporterId != null && supporterId.equals(assignedSupporterId);
    }

    /**
     * Records the supporter matching chose. Idempotent: the same supporter again changes nothing, and neither does
     * an assignment of a withdrawn request (the requester stepped back; matching's answer came too late).
     */
    public Decision<SupportRequest> assigned(String supporterId, Instant at) {
        if (!isOpen() || supporterId.equals(assignedSupporterId)) {
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
        return withdraw(now, null);
    }

    /**
     * As {@link #withdraw(Instant)}, scheduling the purge at the end of the hospital's {@code retention} (none when
     * null). A withdrawn request never becomes a case, so the withdrawal is where its retention starts. A closed
     * request is over already: withdrawing it changes nothing.
     */
    public Decision<SupportRequest> withdraw(Instant now, Duration retention) {
        if (status == RequestStatus.WITHDRAWN || status == RequestStatus.CLOSED) {
            return Decision.unchanged(this);
        }
        Decision<SupportRequest> withdrawn = Decision.to(new SupportRequest(id, hospitalId, requesterRef, details,
                        RequestStatus.WITHDRAWN, submittedAt, assignedSupporterId, assignedAt, now, null, null))
                .publishing(new RequestWithdrawn(newEventId(), now, hospitalId, id));
        return retention == null ? withdrawn : withdrawn.scheduling(purgeTimer(now.plus(retention)));
    }

    /**
     * Follow-up closed the request's case: nobody holds it any more (its supporter reads no contact details from
     * now on), the requester may ask again, and the purge is scheduled at the end of the hospital's
     * {@code retention}. A withdrawn request had its purge scheduled when it was withdrawn; closing it again, or a
     * closed one, changes nothing.
     */
    public Decision<SupportRequest> closed(Instant at, Duration retention) {
        if (!isOpen()) {
            return Decision.unchanged(this);
        }
        return Decision.to(new SupportRequest(id, hospitalId, requesterRef, details, RequestStatus.CLOSED,
                        submittedAt, assignedSupporterId, assignedAt, null, at, null))
                .scheduling(purgeTimer(at.plus(retention)));
    }

    /** Whether the purge may run: the request ended (withdrawn or closed) and is not purged yet. */
    public boolean purgeable() {
        return !isOpen() && purgedAt == null;
    }

    /**
     * The retention period is over: what could identify the requester goes (their pseudonym, the unit, who
     * supported them; the store drops the sealed contact and the command's fingerprint with it), and
     * {@code CaseDataPurged} tells every other service to purge theirs. What stays is what the program counts: the
     * hospital, role, reason category, urgency, modality, language, origin, status and times. An open request is
     * never purged, and purging again changes nothing.
     */
    public Decision<SupportRequest> purge(Instant now) {
        if (!purgeable()) {
            return Decision.unchanged(this);
        }
        return Decision.to(new SupportRequest(id, hospitalId, null, details.withoutUnit(), status, submittedAt,
                        null, assignedAt, withdrawnAt, closedAt, now))
                .publishing(new CaseDataPurged(newEventId(), now, hospitalId, id));
    }

    private Decision.Timer purgeTimer(Instant dueAt) {
        return new Decision.Timer("purge", PURGE_TIMER, hospitalId, dueAt, Map.of());
    }
}
