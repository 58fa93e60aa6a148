package org.peersupport.intake.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.Modality;
import org.peersupport.events.RequestSubmitted;

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

    /** The outcome of a decision: the new state and the events it publishes. */
    public record Decision(SupportRequest request, List<DomainEvent> events) {
    }

    public static Decision submit(String id, String hospitalId, String requesterRef, ClinicalRole role,
            Modality modality, String language, boolean outsideHospitalPreferred, Instant now) {
        SupportRequest request = new SupportRequest(id, hospitalId, requesterRef, role, modality, language,
                outsideHospitalPreferred, RequestStatus.SUBMITTED, now, null, null);
        return new Decision(request, List.of(new RequestSubmitted(newEventId(), now, hospitalId, id, requesterRef,
                role, modality, language, outsideHospitalPreferred)));
    }

    /** Records the supporter matching chose; a later assignment of the same supporter changes nothing. */
    public SupportRequest assigned(String supporterId, Instant at) {
        if (status == RequestStatus.WITHDRAWN || supporterId.equals(assignedSupporterId)) {
            return this;
        }
        return new SupportRequest(id, hospitalId, requesterRef, requesterRole, preferredModality, preferredLanguage,
                outsideHospitalPreferred, RequestStatus.ASSIGNED, submittedAt, supporterId, at);
    }

    /** Matching found nobody; the coordinator has it now. */
    public SupportRequest escalated(MatchEscalated escalation) {
        if (status != RequestStatus.SUBMITTED) {
            return this;
        }
        return new SupportRequest(id, hospitalId, requesterRef, requesterRole, preferredModality, preferredLanguage,
                outsideHospitalPreferred, RequestStatus.ESCALATED, submittedAt, null, null);
    }

    private static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
