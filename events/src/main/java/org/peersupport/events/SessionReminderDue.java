package org.peersupport.events;

import java.time.Instant;

/**
 * A training session a person holds a seat in starts soon ({@code peersupport.training.reminder-before} ahead); they
 * are to be reminded. One event per seated person, ids only.
 *
 * @param hospitalId the seated person's hospital
 * @param hostHospitalId the hospital running the session
 */
public record SessionReminderDue(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String sessionId,
        String staffId,
        String hostHospitalId,
        String courseId,
        Instant startsAt) implements DomainEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
