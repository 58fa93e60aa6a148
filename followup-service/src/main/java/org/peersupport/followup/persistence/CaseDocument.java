package org.peersupport.followup.persistence;

import java.time.Instant;
import org.peersupport.followup.domain.SupportCase;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** A case as stored, with its outbox of events and check-in timers. */
@Document(CaseDocument.COLLECTION)
public class CaseDocument extends OutboxDocument implements HoldsState<SupportCase> {

    public static final String COLLECTION = "cases";

    private String hospitalId;
    private String supporterId;
    private Instant openedAt;
    private int checkInsDue;
    private SupportCase.Status status;

    protected CaseDocument() {
    }

    public CaseDocument(SupportCase supportCase) {
        super(supportCase.id());
        apply(supportCase);
    }

    @Override
    public void apply(SupportCase supportCase) {
        hospitalId = supportCase.hospitalId();
        supporterId = supportCase.supporterId();
        openedAt = supportCase.openedAt();
        checkInsDue = supportCase.checkInsDue();
        status = supportCase.status();
    }

    @Override
    public SupportCase toDomain() {
        return new SupportCase(getId(), hospitalId, supporterId, openedAt, checkInsDue, status);
    }
}
