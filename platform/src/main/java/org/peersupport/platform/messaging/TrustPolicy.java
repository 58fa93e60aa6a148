package org.peersupport.platform.messaging;

import java.util.Objects;
import java.util.regex.Pattern;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.EventType;
import org.peersupport.platform.messaging.UntrustedEventException.Reason;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Which records a consumer believes: those on their type's topic whose {@code ce_source} is the service owning that
 * topic, about a hospital named by a safe id, and, before an existing aggregate is changed, about that aggregate's
 * hospital. In production the broker's ACLs let only the owner write to its topic; this check holds where they do
 * not (the local stack) and makes a forged header, or a record put on the wrong topic, a dead letter, not a change.
 */
public final class TrustPolicy {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Refuses a record not from its type's owner, or that arrived on another topic than its type's. */
    public void checkSource(EventType type, String eventId, Message<?> message) {
        if (!type.source().equals(CloudEventHeaders.read(message, CloudEventHeaders.SOURCE))) {
            throw new UntrustedEventException(type.wireType(), eventId, Reason.WRONG_SOURCE);
        }
        Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        if (topic != null && !type.topic().equals(topic.toString())) {
            throw new UntrustedEventException(type.wireType(), eventId, Reason.WRONG_TOPIC);
        }
    }

    /** Refuses a decoded event whose hospital id is not a safe id; returns the event otherwise. */
    public DomainEvent checkHospital(EventType type, DomainEvent event) {
        if (!SAFE_ID.matcher(event.hospitalId()).matches()) {
            throw new UntrustedEventException(type.wireType(), event.eventId(), Reason.UNSAFE_HOSPITAL);
        }
        return event;
    }

    /**
     * For a handler about to change a stored aggregate: refuses the event unless it names the aggregate's hospital,
     * so that an event can never move a request, a supporter or a case into another hospital.
     */
    public static void requireSameHospital(DomainEvent event, String storedHospitalId) {
        if (!Objects.equals(event.hospitalId(), storedHospitalId)) {
            throw new UntrustedEventException(EventType.of(event).wireType(), event.eventId(),
                    Reason.HOSPITAL_MISMATCH);
        }
    }
}
