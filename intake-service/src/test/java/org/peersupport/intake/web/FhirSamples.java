package org.peersupport.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The FHIR door's corpus in {@code src/test/resources/fhir/}: good AdverseEvents carrying a patient's name, MRN and
 * birth date in every place R4 allows, and bad input of every kind; plus the patient and staff values none of which
 * may pass the gate.
 */
final class FhirSamples {

    /** What the samples say about the patient, and the staff's names: nothing of it may leave the reader. */
    static final List<String> PRIVATE_VALUES = List.of("Marguerite", "Okonkwo", "Lindqvist", "MRN88412907",
            "88412907", "1957-03-14", "1957", "Harbour Lane", "555 0187", "heparin", "double dose", "ICU", "Ward 4B",
            "Imelda", "Practice", "Sorensen", "Astrid", "Tunde", "Adeyemi", "Whitfield", "Charge nurse",
            "Infusion pump", "Staff member", "first-patient", "reporter-note", "rl-import");

    /** What every good sample carries about its patient, so that a scan for them means something. */
    static final List<String> PATIENT_IN_EVERY_GOOD_SAMPLE = List.of("Marguerite", "Okonkwo-Lindqvist", "MRN88412907",
            "1957-03-14");

    private FhirSamples() {
    }

    static byte[] good(String name) {
        return read("fhir/good/" + name);
    }

    static byte[] bad(String name) {
        return read("fhir/bad/" + name);
    }

    /** A valid AdverseEvent padded past the door's limit with a patient narrative. */
    static byte[] oversize(int limit) {
        String narrative = "Marguerite Okonkwo-Lindqvist MRN88412907 ".repeat(limit / 40 + 1);
        return ("""
                {"resourceType": "AdverseEvent", "identifier": {"value": "RL-2026-005001"},
                 "date": "2026-11-20T03:15:00Z", "event": {"text": "%s"},
                 "recorder": {"type": "Practitioner", "identifier": {"value": "E10442"}}}"""
                .formatted(narrative)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(String resource) {
        try (InputStream in = FhirSamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
