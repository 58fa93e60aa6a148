package org.peersupport.issuer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * A fixed set of clients. Spring's in-memory repository refuses clients that share a secret, and every demo
 * principal's secret is {@code demo}.
 */
final class DemoClientRepository implements RegisteredClientRepository {

    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();
    private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

    DemoClientRepository(List<RegisteredClient> clients) {
        for (RegisteredClient c : clients) {
            if (byId.put(c.getId(), c) != null || byClientId.put(c.getClientId(), c) != null) {
                throw new IllegalArgumentException("duplicate client " + c.getClientId());
            }
        }
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        // Spring calls this to re-encode a secret; the set of clients itself stays fixed.
        RegisteredClient known = byId.get(registeredClient.getId());
        if (known == null || !known.getClientId().equals(registeredClient.getClientId())) {
            throw new UnsupportedOperationException("the demo clients are fixed");
        }
        byId.put(registeredClient.getId(), registeredClient);
        byClientId.put(registeredClient.getClientId(), registeredClient);
    }

    @Override
    public RegisteredClient findById(String id) {
        return byId.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return byClientId.get(clientId);
    }
}
