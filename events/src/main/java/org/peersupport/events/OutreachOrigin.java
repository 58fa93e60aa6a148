package org.peersupport.events;

/**
 * Why a staff member was offered support without asking: a hospital system's trigger named them, or a colleague
 * referred them. The offer is voluntary either way.
 */
public enum OutreachOrigin {
    TRIGGER,
    REFERRAL
}
