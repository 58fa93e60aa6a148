package org.peersupport.events;

import java.time.Instant;

/**
 * A hospital trigger named {@code staffCount} staff, at least the hospital's threshold (a team event, a mass
 * casualty): the coordinator is told a group debrief may serve them better than one-to-one offers alone.
 */
public record GroupDebriefSuggested(String eventId, Instant occurredAt, String hospitalId, String triggerId,
        int staffCount) implements DomainEvent {

    @Override
    public String subject() {
        return triggerId;
    }
}
