package org.peersupport.events;

/** How soon the requester wants to be reached: routinely (within the program's usual window) or today. */
public enum Urgency {
    ROUTINE,
    TODAY
}
