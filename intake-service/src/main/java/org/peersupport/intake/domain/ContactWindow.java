package org.peersupport.intake.domain;

/**
 * When, in the hospital's local time, the requester can take a call: a few fixed windows rather than free times, so
 * a supporter reads it at a glance and nothing free-form is stored. Kept sealed with the contact details.
 */
public enum ContactWindow {
    /** Any time of day. */
    ANYTIME,
    /** 08:00 to 12:00. */
    MORNING,
    /** 12:00 to 17:00. */
    AFTERNOON,
    /** 17:00 to 21:00. */
    EVENING
}
