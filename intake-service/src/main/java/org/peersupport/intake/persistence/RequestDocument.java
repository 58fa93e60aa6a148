package org.peersupport.intake.persistence;

import java.time.Instant;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.ReasonCategory;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.SupporterGender;
import org.peersupport.events.Urgency;
import org.peersupport.intake.domain.RequestDetails;
import org.peersupport.intake.domain.RequestStatus;
import org.peersupport.intake.domain.SupportRequest;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A request as stored: its state, its sealed contact fields, the keyed fingerprint of the command that created it,
 * and its outbox, in one document. Documents stored before the later fields read them as their defaults.
 */
@Document(RequestDocument.COLLECTION)
public class RequestDocument extends OutboxDocument implements HoldsState<SupportRequest> {

    public static final String COLLECTION = "requests";

    private String hospitalId;
    private String requesterRef;
    private ClinicalRole requesterRole;
    private String unit;
    private ReasonCategory reasonCategory;
    private Urgency urgency;
    private Modality preferredModality;
    private String preferredLanguage;
    private Boolean sameRolePreferred;
    private Boolean outsideUnitPreferred;
    private boolean outsideHospitalPreferred;
    private SupporterGender supporterGender;
    private RequestOrigin origin;
    private RequestStatus status;
    private Instant submittedAt;
    private String assignedSupporterId;
    private Instant assignedAt;
    private Instant withdrawnAt;
    private Instant closedAt;
    private Instant purgedAt;
    private String fingerprint;
    private SealedContact contact;

    protected RequestDocument() {
    }

    public RequestDocument(SupportRequest request, SealedContact contact, String fingerprint) {
        super(request.id());
        this.contact = contact;
        this.fingerprint = fingerprint;
        apply(request);
    }

    @Override
    public SupportRequest toDomain() {
        RequestDetails details = new RequestDetails(requesterRole, unit, reasonCategory, urgency, preferredModality,
                preferredLanguage, sameRolePreferred, outsideUnitPreferred, outsideHospitalPreferred, supporterGender,
                origin);
        return new SupportRequest(getId(), hospitalId, requesterRef, details, status, submittedAt,
                assignedSupporterId, assignedAt, withdrawnAt, closedAt, purgedAt);
    }

    @Override
    public void apply(SupportRequest request) {
        RequestDetails details = request.details();
        hospitalId = request.hospitalId();
        requesterRef = request.requesterRef();
        requesterRole = details.requesterRole();
        unit = details.unit();
        reasonCategory = details.reasonCategory();
        urgency = details.urgency();
        preferredModality = details.preferredModality();
        preferredLanguage = details.preferredLanguage();
        sameRolePreferred = details.sameRolePreferred();
        outsideUnitPreferred = details.outsideUnitPreferred();
        outsideHospitalPreferred = details.outsideHospitalPreferred();
        supporterGender = details.supporterGender();
        origin = details.origin();
        status = request.status();
        submittedAt = request.submittedAt();
        assignedSupporterId = request.assignedSupporterId();
        assignedAt = request.assignedAt();
        withdrawnAt = request.withdrawnAt();
        closedAt = request.closedAt();
        purgedAt = request.purgedAt();
        if (purgedAt != null) {
            // Purged: the sealed contact (its data key is destroyed already) and the keyed fingerprint of the
            // command, which was made from the contact, go with the requester's pseudonym.
            contact = null;
            fingerprint = null;
        }
    }

    /** The sealed contact; null once purged. */
    public SealedContact contact() {
        return contact;
    }

    /** The keyed fingerprint (HMAC) of the command that created the request; null for requests stored before it. */
    public String fingerprint() {
        return fingerprint;
    }
}
