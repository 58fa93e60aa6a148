package org.peersupport.platform;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.peersupport.platform.messaging.BrokerUnavailableException;
import org.peersupport.platform.outbox.ConcurrentUpdateException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a failure that time will cure (the store or the broker away, a timeout, a lost optimistic-concurrency race)
 * from one that will fail the same way however often it is tried. Transient failures are waited out; only
 * deterministic ones may end in a dead-letter topic or a parked message.
 */
public final class Failures {

    private Failures() {
    }

    /** Whether this failure, or any cause of it, is one that trying again later can cure. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BrokerUnavailableException
                    || t instanceof ConcurrentUpdateException
                    || t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException
                    || t instanceof MongoConnectionPoolClearedException
                    || t instanceof MongoServerUnavailableException
                    || t instanceof RetriableException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
