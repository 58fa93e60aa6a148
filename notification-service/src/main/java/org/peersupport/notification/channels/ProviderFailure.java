package org.peersupport.notification.channels;

/**
 * A provider did not take a message. {@code retryable} says whether trying again may help (the provider away or
 * overloaded) or not (it refused this message). The message never holds the address or the text.
 */
public class ProviderFailure extends RuntimeException {

    private final boolean retryable;

    public ProviderFailure(String message, boolean retryable) {
        super(message, null, false, false);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
