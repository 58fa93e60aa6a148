package org.peersupport.notification.channels;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Templates.Rendered;

/**
 * Each provider behind its own Resilience4j guards, outermost first: a retry with exponential back-off and jitter
 * (only for failures worth retrying, never for an open breaker), a circuit breaker, a rate limiter and a bulkhead.
 * Their metrics ({@code resilience4j_*}, tagged with the provider's name {@code email} or {@code sms}) are on the
 * Prometheus endpoint. A send that fails after the budget throws {@link ProviderFailure}; the delivery then falls
 * back to the person's next channel.
 */
public class GuardedChannels {

    private final Map<Channel, Guarded> byChannel = new EnumMap<>(Channel.class);
    private final CircuitBreakerRegistry breakers;

    private record Guarded(OutsideChannel channel, Retry retry, CircuitBreaker breaker, RateLimiter limiter,
            Bulkhead bulkhead) {
    }

    public GuardedChannels(List<OutsideChannel> channels, ProviderSettings settings, MeterRegistry meters) {
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
                        settings.backoffMultiplier(), settings.jitter(), settings.maxBackoff()))
                .retryOnException(e -> e instanceof ProviderFailure failure && failure.retryable())
                .build());
        breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(settings.breakerHalfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // A message the provider refused says nothing about the provider's health.
                .recordException(e -> !(e instanceof ProviderFailure failure) || failure.retryable())
                .build());
        RateLimiterRegistry limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(settings.ratePerSecond())
                .limitRefreshPeriod(java.time.Duration.ofSeconds(1))
                .timeoutDuration(settings.rateWait())
                .build());
        BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.bulkheadConcurrent())
                .maxWaitDuration(settings.bulkheadWait())
                .build());
        for (OutsideChannel channel : channels) {
            String name = channel.channel().name().toLowerCase(java.util.Locale.ROOT);
            byChannel.put(channel.channel(), new Guarded(channel, retries.retry(name), breakers.circuitBreaker(name),
                    limiters.rateLimiter(name), bulkheads.bulkhead(name)));
        }
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    /** Whether this instance has a provider for {@code channel}. */
    public boolean available(Channel channel) {
        return byChannel.containsKey(channel);
    }

    /** The state of {@code channel}'s breaker ({@code CLOSED}, {@code OPEN}, …), for tests and the log. */
    public Optional<CircuitBreaker.State> breakerState(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel)).map(g -> g.breaker().getState());
    }

    /** Sends through {@code channel}'s guards, or throws {@link ProviderFailure} once its budget is spent. */
    public void send(Channel channel, String address, Rendered message, String key) {
        Guarded guarded = byChannel.get(channel);
        if (guarded == null) {
            throw new ProviderFailure(channel + " has no provider here", false);
        }
        Runnable call = () -> guarded.channel().send(address, message, key);
        Runnable limited = RateLimiter.decorateRunnable(guarded.limiter(), Bulkhead.decorateRunnable(
                guarded.bulkhead(), call));
        Runnable guardedCall = Retry.decorateRunnable(guarded.retry(),
                CircuitBreaker.decorateRunnable(guarded.breaker(), limited));
        try {
            guardedCall.run();
        } catch (CallNotPermittedException e) {
            throw new ProviderFailure(channel + " provider's breaker is open", true);
        } catch (RequestNotPermitted e) {
            throw new ProviderFailure(channel + " provider's rate limit reached", true);
        } catch (BulkheadFullException e) {
            throw new ProviderFailure(channel + " provider's bulkhead is full", true);
        }
    }
}
