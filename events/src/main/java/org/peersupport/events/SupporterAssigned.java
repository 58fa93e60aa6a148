package org.peersupport.events;

import java.time.Instant;

/**
 * A supporter was chosen for a request. {@code urgent} came later and is optional on the wire: the request asked to
 * be reached today, so follow-up runs the shorter first-contact clock; an older event reads it as null (not urgent).
 */
public record SupporterAssigned(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String requestId,
        String requesterRef,
        String supporterId,
        Boolean urgent) implements DomainEvent {

    /** An assignment as the first version knew it, saying nothing of urgency. */
    public SupporterAssigned(String eventId, Instant occurredAt, String hospitalId, String requestId,
            String requesterRef, String supporterId) {
        this(eventId, occurredAt, hospitalId, requestId, requesterRef, supporterId, null);
    }

    @Override
    public String subject() {
        return requestId;
    }
}
