package org.peersupport.events;

import java.util.List;
import java.util.Map;

/** Kafka topic names: one topic per publishing service, keyed by the id of the thing an event is about. */
public final class Topics {

    public static final String INTAKE = "peersupport.intake.v1";
    public static final String MATCHING = "peersupport.matching.v1";
    public static final String FOLLOWUP = "peersupport.followup.v1";
    public static final String NOTIFICATION = "peersupport.notification.v1";
    public static final String TRAINING = "peersupport.training.v1";

    /**
     * Adverse-event triggers from hospital systems (CloudEvents binary mode, type {@link #TRIGGER_REPORTED}), read by
     * intake. Not an event topic of ours: hospital systems write it, so it has no owning service, is not in
     * {@link #ALL}, and intake believes a record only from a producer configured for the hospital it names.
     */
    public static final String TRIGGERS = "peersupport.triggers.v1";
    /** The {@code ce_type} of a hospital system's trigger on {@link #TRIGGERS}. */
    public static final String TRIGGER_REPORTED = "peersupport.trigger.reported.v1";

    public static final List<String> ALL = List.of(INTAKE, MATCHING, FOLLOWUP, NOTIFICATION, TRAINING);

    /** Each topic's owner: the one service that publishes to it, named as in {@code peersupport.service-name}. */
    private static final Map<String, String> OWNERS = Map.of(
            INTAKE, "intake",
            MATCHING, "matching",
            FOLLOWUP, "followup",
            NOTIFICATION, "notification",
            TRAINING, "training");

    private Topics() {
    }

    /**
     * The service that owns a topic, the only one allowed to publish to it (consumers believe nothing else, and in
     * production the broker's ACLs let no other principal write there). Dead-letter topics have no owner.
     */
    public static String owner(String topic) {
        String owner = OWNERS.get(topic);
        if (owner == null) {
            throw new IllegalArgumentException("not an event topic: " + topic);
        }
        return owner;
    }

    /** The CloudEvents {@code ce_source} a service publishes under, e.g. {@code /peersupport/intake}. */
    public static String source(String service) {
        return "/peersupport/" + service;
    }

    /** The dead-letter topic of one consumer group. */
    public static String deadLetter(String consumerGroup) {
        return "peersupport.dlq." + consumerGroup;
    }
}
