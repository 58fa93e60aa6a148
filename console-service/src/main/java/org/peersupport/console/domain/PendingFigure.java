package org.peersupport.console.domain;

import java.util.List;

/**
 * Figures of the network dashboard whose events do not exist yet. Each is shown as not yet available, naming what it
 * waits for, never as a made-up 0; wiring one is a small handler per event type in the projection.
 */
public enum PendingFigure {
    /**
     * A session's fill needs its seats and its registrations, and training publishes neither (only
     * {@code WaitlistPromoted} and {@code SessionReminderDue}, one per person); waitlist promotions per month are
     * shown instead ({@code waitlistPromotions}).
     */
    WORKSHOP_FILL("workshopFill", List.of("a training event carrying each session's seats and registrations"));

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
