package org.peersupport.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.peersupport.platform.store.PurgeableTraces;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What matching holds that could identify the requester of a request, and its purge once intake's retention period
 * is over: the requester's pseudonym, unit and involvement on the request's answer ({@code assignments}), and the
 * pseudonym in the supporter-requester history ({@code supportedRequesterRefs}) of every supporter it was offered
 * to. Each change is a single-document write by {@code _id} that also bumps the version, so a writer holding an
 * older copy loses its guard, reads again, and cannot put a purged value back.
 */
@Component
public class RequestTraces implements PurgeableTraces {

    private static final String REQUESTER_REF = "requesterRef";
    private static final String HISTORY = "supportedRequesterRefs";

    private final MongoTemplate mongo;

    RequestTraces(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The hospital of the request's answer, if matching has one. */
    @Override
    public Optional<String> hospitalOf(String requestId) {
        return answer(requestId).map(answer -> answer.getString("hospitalId"));
    }

    /**
     * Removes the request's pseudonym from the supporters' histories first, then from the answer with the unit and
     * involvement, so a purge cut short is finished by the next delivery: the pseudonym is still on the answer.
     */
    @Override
    public void purge(String requestId) {
        Optional<Document> answer = answer(requestId);
        if (answer.isEmpty()) {
            return;
        }
        String requesterRef = answer.get().getString(REQUESTER_REF);
        if (requesterRef != null) {
            for (String supporterId : supportersOf(answer.get())) {
                mongo.updateFirst(query(where("_id").is(supporterId).and(HISTORY).is(requesterRef)),
                        new Update().pull(HISTORY, requesterRef).inc("version", 1), SupporterDocument.COLLECTION);
            }
        }
        mongo.updateFirst(query(where("_id").is(requestId)), new Update().unset(REQUESTER_REF).unset("unit")
                .unset("involvedEventRefs").set("purgedAt", new Date()).inc("version", 1),
                AssignmentDocument.COLLECTION);
    }

    private Optional<Document> answer(String requestId) {
        return Optional.ofNullable(mongo.findById(requestId, Document.class, AssignmentDocument.COLLECTION));
    }

    /** The supporter who took it and everyone it was offered to or passed over for: any may have it in history. */
    private static Set<String> supportersOf(Document answer) {
        Set<String> supporters = new LinkedHashSet<>();
        if (answer.getString("supporterId") != null) {
            supporters.add(answer.getString("supporterId"));
        }
        supporters.addAll(answer.getList("offeredTo", String.class, List.of()));
        supporters.addAll(answer.getList("passedOver", String.class, List.of()));
        return supporters;
    }
}
