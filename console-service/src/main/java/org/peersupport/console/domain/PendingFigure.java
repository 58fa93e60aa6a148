package org.peersupport.console.domain;

import java.util.List;

/**
 * Figures of the network dashboard whose events do not exist yet. Each is shown as not yet available, naming the
 * events it waits for, never as a made-up 0; wiring one is a small handler per event type in the projection.
 */
public enum PendingFigure {
    TIME_TO_FIRST_CONTACT("timeToFirstContact", List.of("FirstContactMade")),
    FIRST_CONTACT_SLA_COMPLIANCE("firstContactSlaCompliance", List.of("FirstContactMade", "SlaBreached")),
    CHECK_IN_COMPLETION("checkInCompletion", List.of("CheckInRecorded", "CheckInMissed")),
    REFERRAL_RATE("referralRate", List.of("ReferralMade", "CaseClosed")),
    FEEDBACK_PULSE("feedbackPulse", List.of("FeedbackReceived")),
    WORKSHOP_FILL("workshopFill", List.of("SessionScheduled", "SessionRegistered", "WaitlistPromoted"));

    private final String figure;
    private final List<String> waitsFor;

    PendingFigure(String figure, List<String> waitsFor) {
        this.figure = figure;
        this.waitsFor = waitsFor;
    }

    public String figure() {
        return figure;
    }

    public List<String> waitsFor() {
        return waitsFor;
    }
}
