package org.peersupport.console.application;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * How often this instance's projection changed the read model: the live stream compares it between ticks and pushes
 * new figures only when it moved (or on its periodic refresh, which also brings in what other instances wrote).
 */
@Component
public class DashboardChanges {

    private final AtomicLong version = new AtomicLong();

    void changed() {
        version.incrementAndGet();
    }

    public long version() {
        return version.get();
    }
}
