package org.peersupport.matching.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code peersupport.matching.*}: an escalated request is looked at again {@code retry-first-delay} after escalating,
 * then at doubling intervals up to {@code retry-max-delay}, for as long as it waits.
 */
@ConfigurationProperties("peersupport.matching")
public record MatchingProperties(@DefaultValue("30s") Duration retryFirstDelay,
        @DefaultValue("10m") Duration retryMaxDelay) {
}
