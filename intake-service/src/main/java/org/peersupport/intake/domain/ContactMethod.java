package org.peersupport.intake.domain;

/** How the requester wants to be reached first. Kept sealed with the contact details, never on an event. */
public enum ContactMethod {
    PHONE, EMAIL, TEXT
}
