package org.peersupport.platform.messaging;

import java.util.regex.Pattern;

/**
 * A record this service must not believe: not from the service that owns its topic, or about a hospital other than
 * the one of the aggregate it would change. Not retried: it goes straight to the dead-letter topic. Its text, which
 * becomes a dead-letter header, holds only the type, the event id (when that is a safe token) and the reason.
 */
public class UntrustedEventException extends RuntimeException {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** Why a record was not believed; also the {@code reason} tag of the {@code peersupport.events.untrusted} counter. */
    public enum Reason {
        /** {@code ce_source} is not the service that owns the event type's topic. */
        WRONG_SOURCE("wrong-source", "ce_source is not the owner of the topic"),
        /** The record arrived on a topic other than its type's. */
        WRONG_TOPIC("wrong-topic", "arrived on a topic other than its type's"),
        /** The event's hospital id is not a safe id. */
        UNSAFE_HOSPITAL("unsafe-hospital", "hospitalId is not a safe id"),
        /** The event names another hospital than the stored aggregate it would change. */
        HOSPITAL_MISMATCH("hospital-mismatch", "hospitalId differs from the stored aggregate's");

        private final String tag;
        private final String description;

        Reason(String tag, String description) {
            this.tag = tag;
            this.description = description;
        }

        public String tag() {
            return tag;
        }
    }

    private final Reason reason;

    public UntrustedEventException(String type, String eventId, Reason reason) {
        super("untrusted " + type + " " + safe(eventId) + ": " + reason.description, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    // The id comes from whoever wrote the record; anything but a plain token is left out of the header.
    private static String safe(String eventId) {
        return eventId != null && SAFE_ID.matcher(eventId).matches() ? eventId : "(unreadable id)";
    }
}
