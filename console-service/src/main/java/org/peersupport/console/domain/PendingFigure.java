package org.peersupport.console.domain;

import java.util.List;

/**
 * Figures of the network dashboard whose events do not exist yet. Each is shown as not yet available, naming what it
 * waits for, never as a made-up 0; wiring one is a small handler per event type in the projection.
 */
public enum PendingFigure {
    // None at present: the workshop fill, the last one, comes from training's SessionStarted.
    ;

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
