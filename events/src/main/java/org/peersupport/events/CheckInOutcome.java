package org.peersupport.events;

/** What came of a check-in, as its supporter recorded it; never what was said. */
public enum CheckInOutcome {
    COMPLETED,
    NO_ANSWER,
    DECLINED,
    NEEDS_REFERRAL
}
