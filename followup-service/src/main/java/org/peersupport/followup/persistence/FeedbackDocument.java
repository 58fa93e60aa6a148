package org.peersupport.followup.persistence;

import org.peersupport.followup.domain.Feedback;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** One anonymous pulse answer: hospital, month and scores under an id of its own, with its FeedbackReceived. */
@Document(FeedbackDocument.COLLECTION)
public class FeedbackDocument extends OutboxDocument implements HoldsState<Feedback> {

    public static final String COLLECTION = "feedback";

    private String hospitalId;
    private String month;
    private Feedback.Pulse pulse;

    protected FeedbackDocument() {
    }

    public FeedbackDocument(Feedback feedback) {
        super(feedback.id());
        apply(feedback);
    }

    @Override
    public void apply(Feedback feedback) {
        hospitalId = feedback.hospitalId();
        month = feedback.month();
        pulse = feedback.pulse();
    }

    @Override
    public Feedback toDomain() {
        return new Feedback(getId(), hospitalId, month, pulse);
    }
}
