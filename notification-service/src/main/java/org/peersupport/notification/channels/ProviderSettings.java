package org.peersupport.notification.channels;

import java.time.Duration;

/** The guards of each provider ({@code peersupport.notification.providers.*}); see the README's notification table. */
public record ProviderSettings(int maxAttempts, Duration initialBackoff, double backoffMultiplier, double jitter,
        Duration maxBackoff, int breakerWindow, int breakerMinimumCalls, float breakerFailureRate,
        Duration breakerOpenFor, int breakerHalfOpenCalls, int ratePerSecond, Duration rateWait,
        int bulkheadConcurrent, Duration bulkheadWait) {
}
