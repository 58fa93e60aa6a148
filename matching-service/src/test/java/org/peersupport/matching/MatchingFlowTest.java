package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.Modality;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.SupporterCertified;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.awaitility.Awaitility.await;

@ServiceTest
class MatchingFlowTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    static String hospital() {
        return "h" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void certify(String hospital, String supporterId, ClinicalRole role, Instant until) {
        probe.publish(new SupporterCertified(UUID.randomUUID().toString(), Instant.now(), hospital, supporterId, role,
                List.of("en"), List.of(Modality.PHONE), 3, until));
    }

    static RequestSubmitted request(String hospital) {
        return new RequestSubmitted(UUID.randomUUID().toString(), Instant.now(), hospital,
                UUID.randomUUID().toString(), "rq-" + UUID.randomUUID(), ClinicalRole.NURSE, Modality.PHONE, "en",
                false);
    }

    void awaitPool(String hospital, int size) {
        String token = TestTokens.token(hospital + "-coordinator", hospital, "coordinator");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = Api.local(port).get("/api/hospitals/" + hospital + "/pool", token);
            return response.status() == 200 && response.json().size() == size;
        });
    }

    @Test
    void requestsAreSpreadOverTheLeastLoadedCurrentSupporters() {
        String hospital = hospital();
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, Instant.now().plusSeconds(86_400));
        certify(hospital, hospital + "-s2", ClinicalRole.NURSE, Instant.now().plusSeconds(86_400));
        certify(hospital, hospital + "-lapsed", ClinicalRole.NURSE, Instant.now().minusSeconds(60));
        awaitPool(hospital, 3);

        RequestSubmitted first = request(hospital);
        probe.publish(first);
        SupporterAssigned firstAssigned = probe.await(SupporterAssigned.class, e -> e.requestId().equals(first.requestId()));
        RequestSubmitted second = request(hospital);
        probe.publish(second);
        SupporterAssigned secondAssigned = probe.await(SupporterAssigned.class, e -> e.requestId().equals(second.requestId()));

        assertThat(List.of(firstAssigned.supporterId(), secondAssigned.supporterId()))
                .containsExactlyInAnyOrder(hospital + "-s1", hospital + "-s2");
        assertThat(firstAssigned.requesterRef()).isEqualTo(first.requesterRef());
    }

    @Test
    void aRedeliveredRequestIsNotAssignedTwice() {
        String hospital = hospital();
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, Instant.now().plusSeconds(86_400));
        awaitPool(hospital, 1);
        RequestSubmitted request = request(hospital);

        probe.publish(request);
        probe.await(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()));
        probe.publish(request);
        RequestSubmitted marker = request(hospital);
        probe.publish(marker);
        probe.await(SupporterAssigned.class, e -> e.requestId().equals(marker.requestId()));

        assertThat(probe.all(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()))).hasSize(1);
    }

    @Test
    void aRequestWithNoEligibleSupporterIsEscalated() {
        String hospital = hospital();
        RequestSubmitted request = request(hospital);

        probe.publish(request);

        MatchEscalated escalated = probe.await(MatchEscalated.class, e -> e.requestId().equals(request.requestId()));
        assertThat(escalated.reason()).isEqualTo("NO_ELIGIBLE_SUPPORTER");
        assertThat(probe.all(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()))).isEmpty();
    }

    @Test
    void aRecordThatCannotBeDecodedGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        try (EventProbe dlq = new EventProbe(org.peersupport.platform.test.SharedInfrastructure.get().kafkaBootstrap(),
                "peersupport.dlq.matching")) {
            probe.publishRaw("peersupport.intake.v1", key, "{not json".getBytes(),
                    java.util.Map.of("ce_type", "peersupport.request.submitted.v1", "ce_id", key,
                            "ce_specversion", "1.0", "ce_source", "/test", "ce_subject", key));

            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.records().stream()
                    .anyMatch(r -> key.equals(EventProbe.header(r, "ce_id"))));
        }
    }

    @Test
    void thePoolIsOnlyShownToTheHospitalsOwnCoordinator() {
        String hospital = hospital();
        var api = Api.local(port);

        assertThat(api.get("/api/hospitals/" + hospital + "/pool",
                TestTokens.token("x-coordinator", "other", "coordinator")).status()).isEqualTo(403);
        assertThat(api.get("/api/hospitals/" + hospital + "/pool",
                TestTokens.token("x-staff", hospital, "staff")).status()).isEqualTo(403);
        assertThat(api.get("/api/hospitals/" + hospital + "/pool", null).status()).isEqualTo(401);
    }
}
