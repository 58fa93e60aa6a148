package org.peersupport.intake.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The wrapped data key of each sealed record ({@code _id} = {@code <collection>:<document id>}), apart from the
 * ciphertexts it opens: deleting it is what destroys the record's contact details (crypto-shredding). Its own
 * collection, so that backups of it can be kept for no longer than the shortest retention period, while backups of
 * the records themselves hold only ciphertexts.
 */
@Component
public class ContactKeys {

    static final String COLLECTION = "contact_keys";
    private static final String WRAPPED = "wrapped";

    private final MongoTemplate mongo;

    ContactKeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores {@code wrapped} as the key of the record unless it has one already, and returns the key it has then: a
     * retried submission (the same deterministic id) keeps sealing with the first one.
     */
    public String putIfAbsent(String recordKey, String hospitalId, String wrapped) {
        try {
            mongo.insert(new Document("_id", recordKey).append("hospitalId", hospitalId).append(WRAPPED, wrapped)
                    .append("createdAt", new Date()), COLLECTION);
            return wrapped;
        } catch (DuplicateKeyException alreadyThere) {
            return find(recordKey).orElseThrow(() -> new IllegalStateException("data key vanished while stored"));
        }
    }

    public Optional<String> find(String recordKey) {
        Document key = mongo.findById(recordKey, Document.class, COLLECTION);
        return key == null ? Optional.empty() : Optional.ofNullable(key.getString(WRAPPED));
    }

    /** Destroys the record's key; every copy of its ciphertexts becomes unreadable. Deleting again changes nothing. */
    public void destroy(String recordKey) {
        mongo.remove(query(where("_id").is(recordKey)), COLLECTION);
    }
}
