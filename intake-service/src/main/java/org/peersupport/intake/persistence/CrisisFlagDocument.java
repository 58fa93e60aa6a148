package org.peersupport.intake.persistence;

import java.time.Instant;
import org.peersupport.intake.domain.CrisisFlag;
import org.peersupport.intake.domain.RequestDetails;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** A crisis flag as stored: what the coordinator needs to call back, the contact sealed, and its outbox. */
@Document(CrisisFlagDocument.COLLECTION)
public class CrisisFlagDocument extends OutboxDocument implements HoldsState<CrisisFlag> {

    public static final String COLLECTION = "crisis_flags";

    private String hospitalId;
    private String requesterRef;
    private RequestDetails details;
    private Instant raisedAt;
    private SealedContact contact;

    protected CrisisFlagDocument() {
    }

    public CrisisFlagDocument(CrisisFlag flag, SealedContact contact) {
        super(flag.id());
        this.contact = contact;
        apply(flag);
    }

    @Override
    public CrisisFlag toDomain() {
        return new CrisisFlag(getId(), hospitalId, requesterRef, details, raisedAt);
    }

    @Override
    public void apply(CrisisFlag flag) {
        hospitalId = flag.hospitalId();
        requesterRef = flag.requesterRef();
        details = flag.details();
        raisedAt = flag.raisedAt();
    }

    public SealedContact contact() {
        return contact;
    }
}
