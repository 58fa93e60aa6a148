package org.peersupport.platform.store;

import java.util.Optional;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.platform.messaging.TrustPolicy;

/**
 * What a service holds about one request that could identify its requester, and how it is purged once intake's
 * retention period is over ({@code CaseDataPurged}). Each service says what it keeps; the rule for acting on a purge
 * is here, once.
 */
public interface PurgeableTraces {

    /** The hospital of the request as this service stored it; empty when it holds nothing of it. */
    Optional<String> hospitalOf(String requestId);

    /** Removes what identifies the requester of the request; running it again changes nothing. */
    void purge(String requestId);

    /**
     * Purges on intake's word: only a request this service holds, and only for its own hospital (a purge naming
     * another hospital is forged and refused). Returns whether anything was held to purge.
     */
    default boolean purgeFor(CaseDataPurged event) {
        Optional<String> hospital = hospitalOf(event.requestId());
        if (hospital.isEmpty()) {
            return false;
        }
        TrustPolicy.requireSameHospital(event, hospital.get());
        purge(event.requestId());
        return true;
    }
}
