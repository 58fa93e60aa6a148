package org.peersupport.followup.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.peersupport.platform.store.PurgeableTraces;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The purge of a case once intake's retention period for its request is over. It keeps an allow-list, not a
 * deny-list: the case's ids, hospital, supporter, times, counts and status (what the program's figures need) and the
 * store's own fields; every other field is removed, so whatever a case comes to hold about its requester (what a
 * check-in or a referral recorded) is purged unless it is added to {@link #KEPT} on purpose. One write by
 * {@code _id} that also bumps the version, so a writer holding an older copy reads again.
 */
@Component
public class CaseTraces implements PurgeableTraces {

    /**
     * The fields a purged case keeps: its clocks and figures, none of them about the requester. The closure and
     * first-contact fields are issue 9's (this list names them ahead of the merge). Not kept: the check-ins' outcomes
     * and the referrals' categories, what the supporter recorded about the person (their counts went out as events).
     */
    static final Set<String> KEPT = Set.of("_id", "_class", "ref", "version", "outbox", "handled", "hospitalId",
            "supporterId", "openedAt", "checkInsDue", "status", "purgedAt", "firstContactDueAt", "firstContactAt",
            "slaBreached", "closedBecause", "closedAt", "feedbackLinkTaken");

    private final MongoTemplate mongo;

    CaseTraces(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The hospital of the case, if follow-up has one. */
    @Override
    public Optional<String> hospitalOf(String caseId) {
        return stored(caseId).map(found -> found.getString("hospitalId"));
    }

    /** Removes every field of the case not kept; running it again changes nothing but the version. */
    @Override
    public void purge(String caseId) {
        Optional<Document> found = stored(caseId);
        if (found.isEmpty()) {
            return;
        }
        Update update = new Update().set("purgedAt", new Date()).inc("version", 1);
        found.get().keySet().stream().filter(field -> !KEPT.contains(field)).forEach(update::unset);
        mongo.updateFirst(query(where("_id").is(caseId)), update, CaseDocument.COLLECTION);
    }

    private Optional<Document> stored(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, Document.class, CaseDocument.COLLECTION));
    }
}
