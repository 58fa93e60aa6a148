package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.ClosureReason;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Follow-up's closed case releases its requester's one open request, so they may ask again; a forged close does not. */
@ServiceTest
class CaseClosureTest {

    static final EventProbe probe = EventProbe.shared();
    static final String BODY = """
            {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
             "contact":{"name":"Cass Closed","phone":"+16035550171"}}""";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Api.Response ask(String token) {
        return Api.local(port).post("/api/hospitals/lakeside/requests", token, BODY);
    }

    @Test
    void aClosedCaseLetsItsRequesterAskAgain() {
        String token = Staff.fresh("lakeside");
        String first = ask(token).json().get("reference").asString();
        assertThat(ask(token).json().get("alreadyOpen").asBoolean()).isTrue();

        CaseClosed closed = EventMother.caseClosed("lakeside", first, "lakeside-supporter-1",
                ClosureReason.BY_SUPPORTER);
        probe.publish(closed);

        // Polled in the store, not by asking: every ask counts against the caller's hourly limit.
        String requesterRef = mongo.getCollection(RequestDocument.COLLECTION).find(new Document("_id", first)).first()
                .getString("requesterRef");
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("open_requests")
                .find(new Document("_id", requesterRef)).first() == null);
        assertThat(ask(token).status()).isEqualTo(202);
    }

    @Test
    void aCloseNamingAnotherHospitalIsDeadLetteredAndReleasesNothing() {
        String token = Staff.fresh("lakeside");
        String first = ask(token).json().get("reference").asString();

        CaseClosed elsewhere = EventMother.caseClosed("riverside", first, "riverside-supporter-1",
                ClosureReason.BY_SUPPORTER);
        try (EventProbe dlq = EventProbe.deadLetters("intake")) {
            probe.publish(elsewhere);
            dlq.awaitRecord(elsewhere.eventId());
        }
        Api.Response again = ask(token);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("reference").asString()).isEqualTo(first);
    }
}
