package org.peersupport.events;

/** The kind of work a person does; matching prefers a supporter of the same kind. */
public enum ClinicalRole {
    NURSE, PHYSICIAN, ADVANCED_PRACTICE, PHARMACIST, THERAPIST, TECHNICIAN, OTHER
}
