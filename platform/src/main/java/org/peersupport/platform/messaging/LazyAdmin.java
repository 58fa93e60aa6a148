package org.peersupport.platform.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One Kafka admin client for a health check or a gauge: made on first use (a service starts without waiting on the
 * broker), with every call bounded by {@code timeout}, and closed with its owner.
 */
final class LazyAdmin implements AutoCloseable {

    private final Map<String, Object> settings;
    private Admin admin;

    LazyAdmin(Map<String, Object> adminSettings, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(adminSettings);
        settings.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.settings = Map.copyOf(settings);
    }

    synchronized Admin get() {
        if (admin == null) {
            admin = Admin.create(settings);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
