package org.peersupport.intake.domain;

import java.time.Instant;

/**
 * One attempt to read a request's contact details, as audited: the request and its hospital, the reader (their
 * subject) and the reader's hospital (null for a principal of none), when, and whether it was granted. Never a value.
 */
public record ContactRead(String hospitalId, String requestId, String reader, String readerHospitalId, Instant at,
        Outcome outcome) {

    public enum Outcome {
        GRANTED, REFUSED
    }
}
