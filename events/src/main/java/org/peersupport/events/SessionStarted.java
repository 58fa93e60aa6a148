package org.peersupport.events;

import java.time.Instant;

/**
 * A training session started: registration closed, so its seats and the seats taken are final. Counts only, no
 * person; the network dashboard's workshop fill (seats taken over seats, by host hospital and month).
 *
 * @param hospitalId the hospital running the session
 * @param seats the seats the session had
 * @param seatsTaken the seats held when it started (people seated, from any hospital)
 */
public record SessionStarted(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String sessionId,
        String courseId,
        Instant startsAt,
        int seats,
        int seatsTaken) implements DomainEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
