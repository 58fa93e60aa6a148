package org.peersupport.matching.persistence;

import java.time.Instant;
import org.peersupport.events.ClinicalRole;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.matching.domain.MatchRequest;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** Matching's answer for one request, keyed by the request id so a request is answered at most once. */
@Document(AssignmentDocument.COLLECTION)
public class AssignmentDocument extends OutboxDocument implements HoldsState<Assignment> {

    public static final String COLLECTION = "assignments";

    private String hospitalId;
    private String requesterRef;
    private ClinicalRole requesterRole;
    private String supporterId;
    private Assignment.Status status;
    private int attempt;
    private boolean escalated;
    private Instant decidedAt;

    protected AssignmentDocument() {
    }

    public AssignmentDocument(Assignment assignment) {
        super(assignment.request().requestId());
        apply(assignment);
    }

    @Override
    public void apply(Assignment assignment) {
        hospitalId = assignment.request().hospitalId();
        requesterRef = assignment.requesterRef();
        requesterRole = assignment.request().requesterRole();
        supporterId = assignment.supporterId();
        status = assignment.status();
        attempt = assignment.attempt();
        escalated = assignment.escalated();
        decidedAt = assignment.decidedAt();
    }

    @Override
    public Assignment toDomain() {
        // Answers stored before escalated requests were retried have no flag: their status says it.
        return new Assignment(new MatchRequest(getId(), hospitalId, requesterRole), requesterRef, status, supporterId,
                attempt, escalated || status == Assignment.Status.ESCALATED, decidedAt);
    }

    public String getHospitalId() {
        return hospitalId;
    }

    public Assignment.Status getStatus() {
        return status;
    }
}
