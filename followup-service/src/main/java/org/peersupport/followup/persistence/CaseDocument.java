package org.peersupport.followup.persistence;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClosureReason;
import org.peersupport.events.ReferralCategory;
import org.peersupport.followup.domain.CheckIn;
import org.peersupport.followup.domain.SupportCase;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** A case as stored, with its outbox of events and timers. Fields added later read as empty from older documents. */
@Document(CaseDocument.COLLECTION)
public class CaseDocument extends OutboxDocument implements HoldsState<SupportCase> {

    public static final String COLLECTION = "cases";

    private String hospitalId;
    private String supporterId;
    private Instant openedAt;
    private int checkInsDue;
    private SupportCase.Status status;
    private Instant firstContactDueAt;
    private Instant firstContactAt;
    private boolean slaBreached;
    private List<CheckIn> checkIns;
    private List<ReferralCategory> referrals;
    private ClosureReason closedBecause;
    private Instant closedAt;
    private boolean feedbackLinkTaken;

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
        firstContactDueAt = supportCase.firstContactDueAt();
        firstContactAt = supportCase.firstContactAt();
        slaBreached = supportCase.slaBreached();
        checkIns = supportCase.checkIns();
        referrals = supportCase.referrals();
        closedBecause = supportCase.closedBecause();
        closedAt = supportCase.closedAt();
        feedbackLinkTaken = supportCase.feedbackLinkTaken();
    }

    @Override
    public SupportCase toDomain() {
        return new SupportCase(getId(), hospitalId, supporterId, openedAt, checkInsDue, status, firstContactDueAt,
                firstContactAt, slaBreached, checkIns, referrals, closedBecause, closedAt, feedbackLinkTaken);
    }
}
