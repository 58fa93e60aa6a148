package org.peersupport.matching.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The hospital's supporter pool with current load and availability, for its coordinator. */
@RestController
class PoolController {

    private final MatchingService matching;
    private final Clock clock;

    PoolController(MatchingService matching, Clock clock) {
        this.matching = matching;
        this.clock = clock;
    }

    @GetMapping("/api/hospitals/{hospitalId}/pool")
    List<PoolEntry> pool(@PathVariable String hospitalId) {
        Instant now = clock.instant();
        return matching.poolOf(Caller.current(), hospitalId).stream()
                .map(c -> new PoolEntry(c.supporter().id(), c.supporter().role().name(), c.activeCases(),
                        c.supporter().capacity(), c.supporter().isCurrent(now), c.openOffers(),
                        c.availability().isAvailable(now), c.lastAssignedAt()))
                .toList();
    }

    /** {@code available}: on call, not resting, not cooling down. */
    record PoolEntry(String supporterId, String role, long activeCases, int capacity, boolean current,
            long openOffers, boolean available, Instant lastAssignedAt) {
    }
}
