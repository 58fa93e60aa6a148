package org.peersupport.matching.persistence;

import java.time.Instant;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** Matching's answer for one request, keyed by the request id so a request is answered at most once. */
@Document(AssignmentDocument.COLLECTION)
public class AssignmentDocument extends OutboxDocument {

    public static final String COLLECTION = "assignments";

    public enum Status {
        ACTIVE, ESCALATED
    }

    private String hospitalId;
    private String requesterRef;
    private String supporterId;
    private Status status;
    private Instant decidedAt;

    protected AssignmentDocument() {
    }

    public AssignmentDocument(String requestId, String hospitalId, String requesterRef, String supporterId,
            Status status, Instant decidedAt) {
        super(requestId);
        this.hospitalId = hospitalId;
        this.requesterRef = requesterRef;
        this.supporterId = supporterId;
        this.status = status;
        this.decidedAt = decidedAt;
    }

    public String getHospitalId() {
        return hospitalId;
    }

    public String getSupporterId() {
        return supporterId;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
