package org.peersupport.platform.messaging;

/**
 * Handling an event failed. It deliberately drops the cause: the cause's message may hold data read from the store,
 * and this exception's text becomes a dead-letter header. The cause is logged by class name only.
 */
public class EventHandlingFailedException extends RuntimeException {

    public EventHandlingFailedException(String type, String eventId, Class<?> causeType) {
        super("handling " + type + " " + eventId + " failed with " + causeType.getSimpleName(), null, false, false);
    }
}
