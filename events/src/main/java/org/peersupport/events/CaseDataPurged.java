package org.peersupport.events;

import java.time.Instant;

/**
 * The retention period after a request ended (its case closed, or it was withdrawn) is over: intake destroyed its
 * contact details, and every service now removes what it holds that could identify the requester. Ids only.
 */
public record CaseDataPurged(String eventId, Instant occurredAt, String hospitalId, String requestId)
        implements DomainEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
