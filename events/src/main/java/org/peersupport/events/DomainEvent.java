package org.peersupport.events;

import java.time.Instant;

/**
 * Something that happened in the network. Every event names itself, when it happened, the hospital it
 * belongs to and the id of the thing it is about, which is also its Kafka key and CloudEvents subject.
 * Events never carry personal or clinical data: people appear only as pseudonymous references.
 */
public interface DomainEvent {

    String eventId();

    Instant occurredAt();

    String hospitalId();

    /** The id of the thing the event is about: the Kafka key and the {@code ce_subject}. */
    String subject();
}
