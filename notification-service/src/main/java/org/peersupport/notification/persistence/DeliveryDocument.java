package org.peersupport.notification.persistence;

import java.time.Instant;
import java.util.List;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Delivery;
import org.peersupport.notification.domain.Notice;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** A delivery over outside channels as stored, with its outbox (its events and attempt timers). Never an address. */
@Document(DeliveryDocument.COLLECTION)
public class DeliveryDocument extends OutboxDocument implements HoldsState<Delivery> {

    public static final String COLLECTION = "deliveries";

    private String causeId;
    private String hospitalId;
    private String recipientId;
    private Notice notice;
    private String aboutId;
    private List<Channel> channels;
    private int current;
    private Delivery.Status status;
    private Channel sentOn;
    private Instant offerExpiresAt;
    private Instant createdAt;
    private Instant doneAt;
    private int round;

    protected DeliveryDocument() {
    }

    public DeliveryDocument(Delivery delivery) {
        super(delivery.id());
        apply(delivery);
    }

    @Override
    public Delivery toDomain() {
        return new Delivery(getId(), causeId, hospitalId, recipientId, notice, aboutId, channels, current, status,
                sentOn, offerExpiresAt, createdAt, doneAt, round);
    }

    @Override
    public void apply(Delivery delivery) {
        causeId = delivery.causeId();
        hospitalId = delivery.hospitalId();
        recipientId = delivery.recipientId();
        notice = delivery.notice();
        aboutId = delivery.aboutId();
        channels = delivery.channels();
        current = delivery.current();
        status = delivery.status();
        sentOn = delivery.sentOn();
        offerExpiresAt = delivery.offerExpiresAt();
        createdAt = delivery.createdAt();
        doneAt = delivery.doneAt();
        round = delivery.round();
    }

    public String getHospitalId() {
        return hospitalId;
    }
}
