package org.peersupport.events;

import java.time.Instant;

/**
 * A request for support signalled a risk of harm to self: the requester was shown crisis resources at once, and the
 * hospital's coordinator must call back. The flag id is all it carries; who and how to reach them stay sealed in
 * intake, where only that hospital's coordinator reads them.
 */
public record CrisisFlagged(String eventId, Instant occurredAt, String hospitalId, String flagId)
        implements DomainEvent {

    @Override
    public String subject() {
        return flagId;
    }
}
