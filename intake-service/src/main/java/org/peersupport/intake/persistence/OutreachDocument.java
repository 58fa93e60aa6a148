package org.peersupport.intake.persistence;

import java.time.Instant;
import org.peersupport.events.OutreachOrigin;
import org.peersupport.events.ReasonCategory;
import org.peersupport.intake.domain.Outreach;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** An outreach offer as stored, with its outbox of events and its expiry timer. */
@Document(OutreachDocument.COLLECTION)
public class OutreachDocument extends OutboxDocument implements HoldsState<Outreach> {

    public static final String COLLECTION = "outreach";

    private String hospitalId;
    private String staffRef;
    private OutreachOrigin origin;
    private String triggerId;
    private ReasonCategory category;
    private Outreach.Status status;
    private Instant offeredAt;
    private Instant expiresAt;
    private Instant answeredAt;

    protected OutreachDocument() {
    }

    public OutreachDocument(Outreach outreach) {
        super(outreach.id());
        apply(outreach);
    }

    @Override
    public Outreach toDomain() {
        return new Outreach(getId(), hospitalId, staffRef, origin, triggerId, category, status, offeredAt, expiresAt,
                answeredAt);
    }

    @Override
    public void apply(Outreach outreach) {
        hospitalId = outreach.hospitalId();
        staffRef = outreach.staffRef();
        origin = outreach.origin();
        triggerId = outreach.triggerId();
        category = outreach.category();
        status = outreach.status();
        offeredAt = outreach.offeredAt();
        expiresAt = outreach.expiresAt();
        answeredAt = outreach.answeredAt();
    }
}
