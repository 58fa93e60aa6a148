package org.peersupport.events;

import java.time.Instant;

/**
 * A supporter's certification ran out without the ongoing education that renews it: matching takes them out of the
 * pool. A later attendance certifies them again ({@link SupporterCertified}).
 *
 * @param certifiedUntil the end of the certification that lapsed
 */
public record CertificationLapsed(
        String eventId,
        Instant occurredAt,
        String hospitalId,
        String supporterId,
        Instant certifiedUntil) implements DomainEvent {

    @Override
    public String subject() {
        return supporterId;
    }
}
