package org.peersupport.console.domain;

/**
 * How a request came in, as the dashboard counts it: the person asked (SELF), a coordinator recorded it for them
 * (ON_BEHALF), they accepted an offer made after a colleague's referral (REFERRAL) or a hospital trigger (TRIGGER).
 * A request from before origins existed counts as SELF.
 */
public enum Source {
    SELF,
    ON_BEHALF,
    REFERRAL,
    TRIGGER;

    public static Source of(String origin) {
        if (origin == null) {
            return SELF;
        }
        try {
            return valueOf(origin);
        } catch (IllegalArgumentException newerOrigin) {
            return SELF;
        }
    }
}
