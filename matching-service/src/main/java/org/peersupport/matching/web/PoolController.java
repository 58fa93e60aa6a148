package org.peersupport.matching.web;

import java.time.Clock;
import java.util.List;
import org.peersupport.matching.persistence.SupporterPool;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The hospital's supporter pool with current load, for its coordinator. */
@RestController
class PoolController {

    private final SupporterPool pool;
    private final Clock clock;

    PoolController(SupporterPool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @GetMapping("/api/hospitals/{hospitalId}/pool")
    List<PoolEntry> pool(@PathVariable String hospitalId) {
        Caller.current().require(Role.COORDINATOR).requireHospital(hospitalId);
        return pool.candidatesOf(hospitalId).stream()
                .map(c -> new PoolEntry(c.supporter().id(), c.supporter().role().name(), c.activeCases(),
                        c.supporter().capacity(), c.supporter().isCurrent(clock.instant())))
                .toList();
    }

    record PoolEntry(String supporterId, String role, long activeCases, int capacity, boolean current) {
    }
}
