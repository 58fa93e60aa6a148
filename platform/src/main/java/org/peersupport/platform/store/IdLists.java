package org.peersupport.platform.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Lists of ids kept one document per key ({@code _id} = the key, e.g. a hospital or a person's pseudonym), so that
 * "the ids of this key" is one read by {@code _id}, never a scan: on the embedded store only {@code _id} equality
 * uses an index. Each change is a single-document write; adding is idempotent ({@code $addToSet}) and keeps the
 * order ids were first added in. An id may be listed before the document it names is stored (a write that failed in
 * between): readers pass such ids over.
 */
public final class IdLists {

    private final MongoTemplate mongo;
    private final String collection;
    private final String field;

    /** The lists in {@code collection}, each held in the array {@code field} of its key's document. */
    public IdLists(MongoTemplate mongo, String collection, String field) {
        this.mongo = mongo;
        this.collection = collection;
        this.field = field;
    }

    public void add(String key, String id) {
        mongo.upsert(query(where("_id").is(key)), new Update().addToSet(field, id), collection);
    }

    /** Adds each key's id ({@code key} to id) in one round trip, each a single-document upsert. */
    public void addAll(Map<String, String> idByKey) {
        if (idByKey.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        idByKey.forEach((key, id) -> bulk.upsert(query(where("_id").is(key)), new Update().addToSet(field, id)));
        bulk.execute();
    }

    public void remove(String key, String id) {
        mongo.updateFirst(query(where("_id").is(key)), new Update().pull(field, id), collection);
    }

    /** The key's ids, in the order they were first added; none when the key has no list. */
    public List<String> of(String key) {
        Document list = mongo.findById(key, Document.class, collection);
        return list == null ? List.of() : list.getList(field, String.class, List.of());
    }
}
