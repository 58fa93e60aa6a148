package org.peersupport.events;

/** The clocks whose running out is an SLA breach for the coordinator. */
public enum SlaClock {
    /** No first contact recorded within the hospital's first-contact time. */
    FIRST_CONTACT
}
