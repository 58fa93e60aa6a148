package org.peersupport.events;

/** Where a supporter refers a person on to professional help; each hospital lists its own services per category. */
public enum ReferralCategory {
    EAP,
    GRIEF_COUNSELING,
    BEHAVIORAL_HEALTH,
    CHAPLAINCY,
    PHYSICIAN_HEALTH_PROGRAM
}
