package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.ClosureReason;
import org.peersupport.events.OfferMade;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Follow-up's closed case frees its supporter's place; a close naming another hospital frees nothing. */
@ServiceTest
class CaseClosureTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

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

    /** A new supporter of capacity 1 in {@code hospital}, holding one accepted request. */
    SupporterAssigned assignedToANewSupporter(String hospital, String supporter) {
        probe.publish(EventMother.supporterCertified(hospital, supporter, ClinicalRole.NURSE, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> load(hospital, supporter) == 0);
        RequestSubmitted request = EventMother.requestSubmitted(hospital, UUID.randomUUID().toString(),
                ClinicalRole.NURSE);
        probe.publish(request);
        probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId()));
        matching.acceptOffer(supporter, request.requestId());
        return probe.await(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()));
    }

    @Test
    void aClosedCaseFreesTheSupportersPlace() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        SupporterAssigned assigned = assignedToANewSupporter(hospital, supporter);
        assertThat(assigned.urgent()).isFalse();
        assertThat(load(hospital, supporter)).isEqualTo(1);

        CaseClosed closed = EventMother.caseClosed(hospital, assigned.requestId(), supporter,
                ClosureReason.BY_SUPPORTER);
        probe.publish(closed);
        probe.publish(closed);

        await().atMost(Duration.ofSeconds(20)).until(() -> load(hospital, supporter) == 0);
    }

    @Test
    void aCloseNamingAnotherHospitalIsDeadLetteredAndFreesNothing() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        SupporterAssigned assigned = assignedToANewSupporter(hospital, supporter);

        CaseClosed elsewhere = EventMother.caseClosed("riverside", assigned.requestId(), supporter,
                ClosureReason.BY_SUPPORTER);
        try (EventProbe dlq = EventProbe.deadLetters("matching")) {
            probe.publish(elsewhere);
            dlq.awaitRecord(elsewhere.eventId());
        }
        assertThat(load(hospital, supporter)).isEqualTo(1);
    }
}
