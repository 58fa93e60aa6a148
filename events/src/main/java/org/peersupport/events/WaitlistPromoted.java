package org.peersupport.events;

import java.time.Instant;

/**
 * A seat of a training session came free and the first person on its waitlist now holds it; they are to be told.
 * Ids only: the person by their staff id (their subject at their hospital's identity provider), never a name.
 *
 * @param hospitalId the promoted person's hospital
 * @param hostHospitalId the hospital running the session (another one for a session open to the community)
 */
public record WaitlistPromoted(
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
