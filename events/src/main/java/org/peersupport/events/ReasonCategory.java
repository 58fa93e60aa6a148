package org.peersupport.events;

/**
 * Why support is sought, in the categories the programs count. A category, never a narrative: the details of what
 * happened stay with the person and their supporter.
 */
public enum ReasonCategory {
    ADVERSE_EVENT,
    PATIENT_DEATH,
    COMPLAINT_OR_LAWSUIT,
    MORAL_DISTRESS,
    VIOLENCE,
    BURNOUT,
    OTHER
}
