package org.peersupport.events;

/** How a supporter and a requester meet. */
public enum Modality {
    PHONE, VIDEO, IN_PERSON
}
