package org.peersupport.intake.application;

/**
 * Reads an HL7 FHIR R4 {@code AdverseEvent} (application/fhir+json) into a trigger, dropping everything about the
 * patient before anything is kept. The HTTPS trigger door hands {@code application/fhir+json} bodies to the one bean
 * of this type; without one it refuses them (415). Refuses bad input with an {@code InvalidValue} naming the field.
 */
public interface FhirTriggerReader {

    TriggerReport read(String hospitalId, byte[] body);
}
