package org.peersupport.platform.messaging;

/** A record whose data cannot be read as its declared type. Not retried: it goes straight to the dead-letter topic. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String type, String reason) {
        super("cannot decode " + type + ": " + reason, null, false, false);
    }
}
