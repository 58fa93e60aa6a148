package org.peersupport.intake.persistence;

import java.time.Instant;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.intake.domain.RequestStatus;
import org.peersupport.intake.domain.SupportRequest;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** A request as stored: its state, its sealed contact fields, and its outbox, in one document. */
@Document(RequestDocument.COLLECTION)
public class RequestDocument extends OutboxDocument implements HoldsState<SupportRequest> {

    public static final String COLLECTION = "requests";

    private String hospitalId;
    private String requesterRef;
    private ClinicalRole requesterRole;
    private Modality preferredModality;
    private String preferredLanguage;
    private boolean outsideHospitalPreferred;
    private RequestStatus status;
    private Instant submittedAt;
    private String assignedSupporterId;
    private Instant assignedAt;
    private SealedContact contact;

    protected RequestDocument() {
    }

    public RequestDocument(SupportRequest request, SealedContact contact) {
        super(request.id());
        this.contact = contact;
        apply(request);
    }

    @Override
    public SupportRequest toDomain() {
        return new SupportRequest(getId(), hospitalId, requesterRef, requesterRole, preferredModality,
                preferredLanguage, outsideHospitalPreferred, status, submittedAt, assignedSupporterId, assignedAt);
    }

    @Override
    public void apply(SupportRequest request) {
        hospitalId = request.hospitalId();
        requesterRef = request.requesterRef();
        requesterRole = request.requesterRole();
        preferredModality = request.preferredModality();
        preferredLanguage = request.preferredLanguage();
        outsideHospitalPreferred = request.outsideHospitalPreferred();
        status = request.status();
        submittedAt = request.submittedAt();
        assignedSupporterId = request.assignedSupporterId();
        assignedAt = request.assignedAt();
    }

    public SealedContact contact() {
        return contact;
    }

    /** Contact fields as ciphertexts bound to this document; plaintext never reaches the store. */
    public record SealedContact(String name, String phone, String email, String requesterSubject) {
    }
}
