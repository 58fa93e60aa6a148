package org.peersupport.notification.persistence;

import java.util.List;
import java.util.Optional;
import org.peersupport.platform.store.IdLists;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * People's channel preferences, read by {@code _id}; the coordinators of each hospital who set theirs (one list per
 * hospital), to whom coordinator notices go; and each hospital's failed deliveries, for its coordinator's view.
 */
@Component
public class Preferences {

    private final MongoTemplate mongo;
    private final IdLists coordinators;
    private final IdLists failures;

    Preferences(MongoTemplate mongo) {
        this.mongo = mongo;
        this.coordinators = new IdLists(mongo, "coordinator_lists", "coordinatorIds");
        this.failures = new IdLists(mongo, "failure_lists", "deliveryIds");
    }

    public void save(PreferencesDocument preferences) {
        mongo.save(preferences);
    }

    public Optional<PreferencesDocument> find(String personId) {
        return Optional.ofNullable(mongo.findById(personId, PreferencesDocument.class));
    }

    public void listCoordinator(String hospitalId, String personId) {
        coordinators.add(hospitalId, personId);
    }

    public List<String> coordinatorsOf(String hospitalId) {
        return coordinators.of(hospitalId);
    }

    public void listFailure(String hospitalId, String deliveryId) {
        failures.add(hospitalId, deliveryId);
    }

    public void unlistFailure(String hospitalId, String deliveryId) {
        failures.remove(hospitalId, deliveryId);
    }

    public List<String> failuresOf(String hospitalId) {
        return failures.of(hospitalId);
    }
}
