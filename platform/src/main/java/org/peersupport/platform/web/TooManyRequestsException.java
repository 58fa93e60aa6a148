package org.peersupport.platform.web;

import java.time.Duration;

/** The caller used up what it may do in a window; answered 429 with {@code Retry-After} (whole seconds). */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String what, Duration retryAfter) {
        super("Too many " + what + "; try again later.", null, false, false);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
