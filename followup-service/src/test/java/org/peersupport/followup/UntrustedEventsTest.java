package org.peersupport.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.followup.persistence.CaseDocument;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** Follow-up opens cases only from matching's assignments, and never hands a case to another hospital. */
@ServiceTest
@DirtiesContext
class UntrustedEventsTest {

    static final EventProbe probe = EventProbe.shared();

    @Autowired
    MongoTemplate mongo;

    private static SupporterAssigned assigned(String hospital, String requestId, String supporterId) {
        return new SupporterAssigned(UUID.randomUUID().toString(), Instant.now(), hospital, requestId, "rq-1",
                supporterId);
    }

    private Document storedCase(String requestId) {
        return mongo.getCollection(CaseDocument.COLLECTION).find(new Document("_id", requestId)).first();
    }

    @Test
    void aForgedAssignmentOpensNoCase() {
        SupporterAssigned forged = assigned("lakeside", UUID.randomUUID().toString(), "lakeside-staff-1");

        try (EventProbe dlq = EventProbe.deadLetters("followup")) {
            probe.publishAs("/peersupport/intake", forged);

            assertThat(EventProbe.header(dlq.awaitRecord(forged.eventId()), "x-exception-message"))
                    .contains("untrusted");
        }
        assertThat(storedCase(forged.requestId())).isNull();
        assertThat(probe.all(CaseOpened.class, e -> e.caseId().equals(forged.requestId()))).isEmpty();
    }

    @Test
    void anAssignmentOfAnOpenCaseNamingAnotherHospitalChangesNothing() {
        String requestId = UUID.randomUUID().toString();
        probe.publish(assigned("lakeside", requestId, "lakeside-supporter-1"));
        probe.await(CaseOpened.class, e -> e.caseId().equals(requestId));

        SupporterAssigned elsewhere = assigned("riverside", requestId, "riverside-supporter-1");
        try (EventProbe dlq = EventProbe.deadLetters("followup")) {
            probe.publish(elsewhere);

            dlq.awaitRecord(elsewhere.eventId());
        }
        Document stored = storedCase(requestId);
        assertThat(stored.getString("hospitalId")).isEqualTo("lakeside");
        assertThat(stored.getString("supporterId")).isEqualTo("lakeside-supporter-1");
        assertThat(stored.getList("handled", String.class, List.of())).doesNotContain(elsewhere.eventId());
        assertThat(probe.all(CaseOpened.class, e -> e.caseId().equals(requestId))).hasSize(1);
    }
}
