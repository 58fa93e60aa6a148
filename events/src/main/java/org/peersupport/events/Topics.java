package org.peersupport.events;

import java.util.List;

/** Kafka topic names: one topic per publishing service, keyed by the id of the thing an event is about. */
public final class Topics {

    public static final String INTAKE = "peersupport.intake.v1";
    public static final String MATCHING = "peersupport.matching.v1";
    public static final String FOLLOWUP = "peersupport.followup.v1";
    public static final String NOTIFICATION = "peersupport.notification.v1";
    public static final String TRAINING = "peersupport.training.v1";

    public static final List<String> ALL = List.of(INTAKE, MATCHING, FOLLOWUP, NOTIFICATION, TRAINING);

    private Topics() {
    }

    /** The dead-letter topic of one consumer group. */
    public static String deadLetter(String consumerGroup) {
        return "peersupport.dlq." + consumerGroup;
    }
}
