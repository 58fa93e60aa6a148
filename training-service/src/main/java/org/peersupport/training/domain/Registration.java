package org.peersupport.training.domain;

/** Where a registration put the person: a seat, a place on the waitlist, or nowhere (both full). */
public enum Registration {
    SEATED,
    WAITLISTED,
    REFUSED
}
