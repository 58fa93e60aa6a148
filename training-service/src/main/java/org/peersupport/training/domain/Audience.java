package org.peersupport.training.domain;

/** Who may register for a session: the host hospital's staff only, or anyone of the learning community. */
public enum Audience {
    HOSPITAL,
    COMMUNITY
}
