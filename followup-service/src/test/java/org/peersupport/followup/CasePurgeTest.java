package org.peersupport.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.events.CaseOpened;
import org.peersupport.followup.persistence.CaseDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Once intake purged a request, its case keeps only its allow-listed fields. A case holds nothing about its
 * requester today, so the canary stands in for what a case will record (a check-in's or a referral's detail): a
 * field written into the stored case, which must be in no collection of follow-up's database after the purge.
 */
@ServiceTest
class CasePurgeTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /** Every document of every collection of follow-up's database, as stored, in which {@code value} occurs. */
    List<String> whereFound(String value) {
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getDb().listCollectionNames()) {
            for (Document document : mongo.getDb().getCollection(collection).find()) {
                if (document.toJson().contains(value)) {
                    found.add(collection + "/" + document.get("_id"));
                }
            }
        }
        return found;
    }

    String openCase(String hospital, String requesterRef) {
        String requestId = UUID.randomUUID().toString();
        probe.publish(EventMother.supporterAssigned(hospital, requestId, requesterRef, hospital + "-supporter-1"));
        probe.await(CaseOpened.class, e -> e.caseId().equals(requestId));
        return requestId;
    }

    @Test
    void aPurgedCaseKeepsItsFiguresAndNothingElseItRecorded() {
        String requesterRef = "rq-canary-" + UUID.randomUUID();
        String caseId = openCase("lakeside", requesterRef);
        String canary = "Canary note " + UUID.randomUUID();
        mongo.getCollection(CaseDocument.COLLECTION).updateOne(new Document("_id", caseId),
                new Document("$set", new Document("referral", new Document("note", canary))));
        assertThat(whereFound(canary)).containsExactly("cases/" + caseId);

        probe.publish(EventMother.caseDataPurged("lakeside", caseId));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(whereFound(canary)).isEmpty());
        assertThat(whereFound(requesterRef)).as("the requester's pseudonym is never kept here").isEmpty();
        Api.Response left = Api.local(port).get("/api/hospitals/lakeside/cases/" + caseId,
                TestTokens.token("lakeside-coordinator", "lakeside", "coordinator"));
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void aPurgeNamingAnotherHospitalIsDeadLetteredAndChangesNothing() {
        String caseId = openCase("lakeside", "rq-" + UUID.randomUUID());
        String canary = "Canary note " + UUID.randomUUID();
        mongo.getCollection(CaseDocument.COLLECTION).updateOne(new Document("_id", caseId),
                new Document("$set", new Document("note", canary)));
        CaseDataPurged forged = EventMother.caseDataPurged("riverside", caseId);

        probe.publish(forged);

        EventProbe.deadLetters("followup").awaitRecord(forged.eventId());
        assertThat(whereFound(canary)).containsExactly("cases/" + caseId);
    }
}
