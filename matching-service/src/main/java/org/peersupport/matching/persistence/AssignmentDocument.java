package org.peersupport.matching.persistence;

import java.time.Instant;
import java.util.Set;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.matching.domain.Explanation;
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
    private Modality preferredModality;
    private String language;
    private boolean networkChosen;
    private String unit;
    private boolean sameUnitAllowed;
    private Set<String> involvedEventRefs;
    private Set<String> excludedSupporterIds;
    private Boolean sameRolePreferred;
    private boolean urgent;
    private String supporterId;
    private Assignment.Status status;
    private int attempt;
    private boolean escalated;
    private Instant decidedAt;
    private Instant offeredUntil;
    private Set<String> offeredTo;
    private Set<String> passedOver;
    private Explanation why;
    /** When the request was submitted (its event's time), for the time-to-assignment metric; null in older ones. */
    private Instant submittedAt;

    protected AssignmentDocument() {
    }

    public AssignmentDocument(Assignment assignment) {
        this(assignment, null);
    }

    public AssignmentDocument(Assignment assignment, Instant submittedAt) {
        super(assignment.request().requestId());
        this.submittedAt = submittedAt;
        apply(assignment);
    }

    @Override
    public void apply(Assignment assignment) {
        hospitalId = assignment.request().hospitalId();
        requesterRef = assignment.requesterRef();
        MatchRequest request = assignment.request();
        requesterRole = request.requesterRole();
        preferredModality = request.preferredModality();
        language = request.language();
        networkChosen = request.networkChosen();
        unit = request.unit();
        sameUnitAllowed = request.sameUnitAllowed();
        involvedEventRefs = request.involvedEventRefs();
        excludedSupporterIds = request.excludedSupporterIds();
        sameRolePreferred = request.sameRolePreferred();
        urgent = request.urgent();
        supporterId = assignment.supporterId();
        status = assignment.status();
        attempt = assignment.attempt();
        escalated = assignment.escalated();
        decidedAt = assignment.decidedAt();
        offeredUntil = assignment.offeredUntil();
        offeredTo = assignment.offeredTo();
        passedOver = assignment.passedOver();
        why = assignment.why();
    }

    @Override
    public Assignment toDomain() {
        // Answers stored before requests carried their needs read the programs' defaults (same role preferred).
        MatchRequest request = new MatchRequest(getId(), hospitalId, requesterRef, requesterRole, preferredModality,
                language, networkChosen, unit, sameUnitAllowed, involvedEventRefs, excludedSupporterIds,
                sameRolePreferred == null || sameRolePreferred, urgent);
        return new Assignment(request, requesterRef, status, supporterId,
                // Answers stored before escalated requests were retried have no flag: their status says it.
                attempt, escalated || status == Assignment.Status.ESCALATED, decidedAt, offeredUntil, offeredTo, passedOver,
                why);
    }

    public String getHospitalId() {
        return hospitalId;
    }

    public Assignment.Status getStatus() {
        return status;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
