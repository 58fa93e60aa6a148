package org.peersupport.intake.application;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ReasonCategory;

/**
 * What intake keeps of a hospital system's adverse-event report, whichever door it came through (Kafka topic, HTTPS
 * JSON or FHIR R4 {@code AdverseEvent}): the hospital's own id for the event, when it happened, its category and the
 * staff involved, by the hospital's staff identifiers. Nothing about the patient passes the gate that builds it.
 */
public record TriggerReport(String hospitalEventId, Instant occurredAt, ReasonCategory category,
        List<String> involvedStaffIds) {

    public TriggerReport {
        involvedStaffIds = List.copyOf(involvedStaffIds);
    }
}
