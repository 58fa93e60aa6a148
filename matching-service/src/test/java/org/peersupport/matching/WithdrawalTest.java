package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.OfferMade;
import org.peersupport.events.OfferWithdrawn;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.matching.domain.OfferNotOpen;
import org.peersupport.matching.persistence.AssignmentDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A withdrawn request stops matching: its supporter's place is freed for the next request, an open offer of it is
 * withdrawn, it leaves the queue and the waiting list, and its retry timer finds nothing more to do. Retries are
 * quick here, so a timer that still looked would.
 */
@ServiceTest
@TestPropertySource(properties = {"peersupport.matching.retry-first-delay=500ms",
        "peersupport.matching.retry-max-delay=1s"})
@DirtiesContext
class WithdrawalTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MatchingService matching;

    static String hospital() {
        return "h" + UUID.randomUUID().toString().substring(0, 8);
    }

    int load(String hospital, String supporterId) {
        return Api.local(port).get("/api/hospitals/" + hospital + "/pool",
                        TestTokens.token(hospital + "-coordinator", hospital, "coordinator")).json().valueStream()
                .filter(entry -> entry.get("supporterId").asString().equals(supporterId))
                .mapToInt(entry -> entry.get("activeCases").asInt()).findFirst().orElse(-1);
    }

    String status(String requestId) {
        var stored = mongo.findById(requestId, AssignmentDocument.class);
        return stored == null ? null : stored.getStatus().name();
    }

    /** A supporter of this capacity in a new hospital, holding one request assigned to them (offered, accepted). */
    RequestSubmitted assignedToANewSupporter(String hospital, String supporter, int capacity) {
        RequestSubmitted request = offeredToANewSupporter(hospital, supporter, capacity);
        return accepted(request, supporter);
    }

    /** A supporter of this capacity in a new hospital, with one request offered to them. */
    RequestSubmitted offeredToANewSupporter(String hospital, String supporter, int capacity) {
        probe.publish(EventMother.supporterCertified(hospital, supporter, ClinicalRole.NURSE, capacity));
        await().atMost(Duration.ofSeconds(20)).until(() -> load(hospital, supporter) == 0);
        RequestSubmitted request = EventMother.requestSubmitted(hospital, UUID.randomUUID().toString(),
                ClinicalRole.NURSE);
        probe.publish(request);
        probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId()));
        return request;
    }

    /** The supporter accepts the request's offer; returns once it is assigned to them. */
    RequestSubmitted accepted(RequestSubmitted request, String supporter) {
        probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId())
                && e.supporterId().equals(supporter));
        matching.acceptOffer(supporter, request.requestId());
        probe.await(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()));
        return request;
    }

    @Test
    void withdrawnAfterAssignmentFreesTheSupportersPlaceForTheNextRequest() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        RequestSubmitted first = assignedToANewSupporter(hospital, supporter, 1);
        assertThat(load(hospital, supporter)).isEqualTo(1);

        probe.publish(EventMother.requestWithdrawn(hospital, first.requestId()));

        await().atMost(Duration.ofSeconds(20)).until(() -> load(hospital, supporter) == 0);
        assertThat(status(first.requestId())).isEqualTo("WITHDRAWN");
        RequestSubmitted next = EventMother.requestSubmitted(hospital, UUID.randomUUID().toString(), ClinicalRole.NURSE);
        probe.publish(next);
        accepted(next, supporter);
        assertThat(load(hospital, supporter)).isEqualTo(1);
    }

    @Test
    void withdrawnWhileOfferedWithdrawsTheOfferWhichCanNoLongerBeAccepted() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        RequestSubmitted request = offeredToANewSupporter(hospital, supporter, 1);

        probe.publish(EventMother.requestWithdrawn(hospital, request.requestId()));

        assertThat(probe.await(OfferWithdrawn.class, e -> e.requestId().equals(request.requestId())).supporterId())
                .isEqualTo(supporter);
        await().atMost(Duration.ofSeconds(20)).until(() -> "WITHDRAWN".equals(status(request.requestId()))
                && matching.openOffersOf(supporter).isEmpty());
        assertThatThrownBy(() -> matching.acceptOffer(supporter, request.requestId()))
                .isInstanceOf(OfferNotOpen.class);
        assertThat(load(hospital, supporter)).isZero();
        assertThat(Api.local(port).get("/api/hospitals/" + hospital + "/queue",
                TestTokens.token(hospital + "-coordinator", hospital, "coordinator")).json().size()).isZero();
    }

    @Test
    void withdrawnWhileEscalatedLeavesTheWaitingListAndIsNeverAssignedOrRetried() {
        String hospital = hospital();
        RequestSubmitted waiting = EventMother.requestSubmitted(hospital, UUID.randomUUID().toString(),
                ClinicalRole.NURSE);
        probe.publish(waiting);
        probe.await(MatchEscalated.class, e -> e.requestId().equals(waiting.requestId()));

        probe.publish(EventMother.requestWithdrawn(hospital, waiting.requestId()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "WITHDRAWN".equals(status(waiting.requestId())));
        String supporter = hospital + "-s1";
        probe.publish(EventMother.supporterCertified(hospital, supporter, ClinicalRole.NURSE, 2));
        RequestSubmitted control = EventMother.requestSubmitted(hospital, UUID.randomUUID().toString(),
                ClinicalRole.NURSE);
        probe.publish(control);
        accepted(control, supporter);

        // Retry timers fire every second here: for three seconds none of them offers or assigns the withdrawn request.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                probe.all(SupporterAssigned.class, e -> e.requestId().equals(waiting.requestId())).isEmpty()
                        && probe.all(OfferMade.class, e -> e.requestId().equals(waiting.requestId())).isEmpty()
                        && load(hospital, supporter) == 1);
        assertThat(mongo.getCollection("waiting").find(new org.bson.Document("_id", hospital)).first()
                .getList("requestIds", String.class)).doesNotContain(waiting.requestId());
        assertThat(probe.all(MatchEscalated.class, e -> e.requestId().equals(waiting.requestId()))).hasSize(1);
    }

    @Test
    void aWithdrawalRedeliveredChangesNothingMore() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        RequestSubmitted request = assignedToANewSupporter(hospital, supporter, 2);
        var withdrawn = EventMother.requestWithdrawn(hospital, request.requestId());

        probe.publish(withdrawn);
        probe.publish(withdrawn);

        await().atMost(Duration.ofSeconds(20)).until(() -> load(hospital, supporter) == 0);
        MatchingFlowTest.awaitAllHandled("peersupport.intake.v1");
        assertThat(status(request.requestId())).isEqualTo("WITHDRAWN");
        assertThat(load(hospital, supporter)).isZero();
    }

    @Test
    void aWithdrawalNamingAnotherHospitalIsDeadLetteredAndFreesNothing() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        RequestSubmitted request = assignedToANewSupporter(hospital, supporter, 2);
        var elsewhere = EventMother.requestWithdrawn("riverside", request.requestId());

        try (EventProbe dlq = EventProbe.deadLetters("matching")) {
            probe.publish(elsewhere);
            dlq.awaitRecord(elsewhere.eventId());
        }

        assertThat(status(request.requestId())).isEqualTo("ACTIVE");
        assertThat(load(hospital, supporter)).isEqualTo(1);
    }
}
