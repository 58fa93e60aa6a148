package org.peersupport.platform.messaging;

/** The broker did not acknowledge an event in time: it is away or overloaded, and a later try will do. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String type, String eventId) {
        super("broker did not acknowledge " + type + " " + eventId, null, false, false);
    }
}
