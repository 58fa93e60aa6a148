package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.OfferMade;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.SupporterGender;
import org.peersupport.events.Urgency;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.matching.persistence.AssignmentDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Once intake purged a request, matching forgets who asked: the requester's pseudonym and unit, present on the
 * request's answer and in its supporter's history, are in no collection of matching's database any more.
 */
@ServiceTest
class RequestPurgeTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MatchingService matching;

    /** Every document of every collection of matching's database, as stored, in which {@code value} occurs. */
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

    int load(String hospital, String supporterId) {
        return Api.local(port).get("/api/hospitals/" + hospital + "/pool",
                        TestTokens.token(hospital + "-coordinator", hospital, "coordinator")).json().valueStream()
                .filter(entry -> entry.get("supporterId").asString().equals(supporterId))
                .mapToInt(entry -> entry.get("activeCases").asInt()).findFirst().orElse(-1);
    }

    /** A request of a canary requester and unit, offered to and accepted by a new supporter of a new hospital. */
    RequestSubmitted assigned(String hospital, String supporter, String requesterRef, String unit) {
        probe.publish(EventMother.supporterCertified(hospital, supporter, ClinicalRole.NURSE, 3));
        await().atMost(Duration.ofSeconds(20)).until(() -> load(hospital, supporter) == 0);
        RequestSubmitted request = new RequestSubmitted(UUID.randomUUID().toString(), Instant.now(), hospital,
                UUID.randomUUID().toString(), requesterRef, ClinicalRole.NURSE, Modality.PHONE, "en", false, unit,
                null, Urgency.ROUTINE, true, false, SupporterGender.ANY, RequestOrigin.SELF);
        probe.publish(request);
        probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId()));
        matching.acceptOffer(supporter, request.requestId());
        probe.await(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()));
        return request;
    }

    @Test
    void thePurgeLeavesTheRequestersPseudonymAndUnitInNoCollection() {
        String hospital = "h" + UUID.randomUUID().toString().substring(0, 8);
        String supporter = hospital + "-supporter-1";
        String requesterRef = "rq-canary-" + UUID.randomUUID();
        String unit = "CAN-" + UUID.randomUUID().toString().substring(0, 8);
        RequestSubmitted request = assigned(hospital, supporter, requesterRef, unit);
        await().atMost(Duration.ofSeconds(10)).until(() -> whereFound(requesterRef).contains("supporters/" + supporter));
        assertThat(whereFound(requesterRef)).contains("assignments/" + request.requestId());
        assertThat(whereFound(unit)).isNotEmpty();

        probe.publish(EventMother.caseDataPurged(hospital, request.requestId()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(whereFound(requesterRef)).as("documents holding the requester's pseudonym").isEmpty();
            assertThat(whereFound(unit)).as("documents holding the unit").isEmpty();
        });
        AssignmentDocument left = mongo.findById(request.requestId(), AssignmentDocument.class);
        assertThat(left.getStatus()).isEqualTo(org.peersupport.matching.domain.Assignment.Status.ACTIVE);
        assertThat(left.toDomain().supporterId()).isEqualTo(supporter);
        assertThat(load(hospital, supporter)).as("the supporter's load is untouched").isEqualTo(1);
    }

    @Test
    void aPurgeNamingAnotherHospitalIsDeadLetteredAndChangesNothing() {
        String hospital = "h" + UUID.randomUUID().toString().substring(0, 8);
        String requesterRef = "rq-canary-" + UUID.randomUUID();
        RequestSubmitted request = assigned(hospital, hospital + "-supporter-1", requesterRef, null);
        CaseDataPurged forged = EventMother.caseDataPurged("riverside", request.requestId());

        probe.publish(forged);

        EventProbe.deadLetters("matching").awaitRecord(forged.eventId());
        assertThat(whereFound(requesterRef)).contains("assignments/" + request.requestId());
    }
}
