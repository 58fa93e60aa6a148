package org.peersupport.intake.persistence;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ReasonCategory;
import org.peersupport.intake.domain.Trigger;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** A hospital trigger as stored: pseudonymous staff references only, with its fan-out timer in its outbox. */
@Document(TriggerDocument.COLLECTION)
public class TriggerDocument extends OutboxDocument implements HoldsState<Trigger> {

    public static final String COLLECTION = "triggers";

    private String hospitalId;
    private Instant occurredAt;
    private ReasonCategory category;
    private List<String> staffRefs;
    private Trigger.Status status;
    private Instant receivedAt;
    private Instant offersExpireAt;

    protected TriggerDocument() {
    }

    public TriggerDocument(Trigger trigger) {
        super(trigger.id());
        apply(trigger);
    }

    @Override
    public Trigger toDomain() {
        return new Trigger(getId(), hospitalId, occurredAt, category, staffRefs, status, receivedAt, offersExpireAt);
    }

    @Override
    public void apply(Trigger trigger) {
        hospitalId = trigger.hospitalId();
        occurredAt = trigger.occurredAt();
        category = trigger.category();
        staffRefs = trigger.staffRefs();
        status = trigger.status();
        receivedAt = trigger.receivedAt();
        offersExpireAt = trigger.offersExpireAt();
    }
}
