package org.peersupport.events;

/** Why a case closed. */
public enum ClosureReason {
    BY_SUPPORTER,
    BY_COORDINATOR,
    AFTER_LAST_CHECK_IN,
    WITHDRAWN
}
