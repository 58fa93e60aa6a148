package org.peersupport.events;

/**
 * How a request came in: the person asked themselves, a coordinator recorded it for them (phone, email, walk-in), or
 * they accepted an outreach offer made after a colleague's referral or a hospital system's trigger.
 */
public enum RequestOrigin {
    SELF,
    ON_BEHALF,
    REFERRAL,
    TRIGGER
}
