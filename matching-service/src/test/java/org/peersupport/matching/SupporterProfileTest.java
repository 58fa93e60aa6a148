package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CertificationLapsed;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.Modality;
import org.peersupport.events.OfferMade;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterCertified;
import org.peersupport.events.Urgency;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * What training's events say about a supporter reaches the pool: a lapsed certification takes them out of it (and a
 * renewal puts them back), and the profile's unit and network participation feed the hard rules. Retry timers are far
 * off, so an escalated request offered here was offered because a supporter appeared.
 */
@ServiceTest
@TestPropertySource(properties = "peersupport.matching.retry-first-delay=10m")
@DirtiesContext
class SupporterProfileTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Test
    void aLapsedCertificationTakesTheSupporterOutOfThePoolAndARenewalPutsThemBack() {
        String hospital = MatchingFlowTest.hospital();
        Instant until = Instant.now().plus(Duration.ofDays(90));
        probe.publish(certified(hospital, hospital + "-s1", until, null, null));
        awaitPool(hospital, List.of(hospital + "-s1"));

        probe.publish(new CertificationLapsed(UUID.randomUUID().toString(), Instant.now(), hospital, hospital + "-s1",
                until));
        awaitPool(hospital, List.of());
        RequestSubmitted request = MatchingFlowTest.request(hospital);
        probe.publish(request);
        probe.await(MatchEscalated.class, e -> e.requestId().equals(request.requestId()));
        assertThat(probe.all(OfferMade.class, e -> e.requestId().equals(request.requestId()))).isEmpty();

        // Training certifies them again when they attend ongoing education: the waiting request is theirs to take.
        probe.publish(certified(hospital, hospital + "-s1", until.plus(Duration.ofDays(90)), null, null));
        awaitPool(hospital, List.of(hospital + "-s1"));
        assertThat(probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId())).supporterId())
                .isEqualTo(hospital + "-s1");
    }

    @Test
    void aLapseOfACertificationRenewedSinceChangesNothing() {
        String hospital = MatchingFlowTest.hospital();
        Instant first = Instant.now().plus(Duration.ofDays(1));
        probe.publish(certified(hospital, hospital + "-s1", first, null, null));
        probe.publish(certified(hospital, hospital + "-s1", first.plus(Duration.ofDays(90)), null, null));
        probe.publish(new CertificationLapsed(UUID.randomUUID().toString(), Instant.now(), hospital, hospital + "-s1",
                first));
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");

        awaitPool(hospital, List.of(hospital + "-s1"));
        RequestSubmitted request = MatchingFlowTest.request(hospital);
        probe.publish(request);
        assertThat(probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId())).supporterId())
                .isEqualTo(hospital + "-s1");
    }

    @Test
    void aLapseNamingAnotherHospitalIsDeadLetteredAndTakesNobodyOut() {
        String home = MatchingFlowTest.hospital();
        Instant until = Instant.now().plus(Duration.ofDays(90));
        probe.publish(certified(home, home + "-s1", until, null, null));
        awaitPool(home, List.of(home + "-s1"));

        CertificationLapsed forged = new CertificationLapsed(UUID.randomUUID().toString(), Instant.now(),
                MatchingFlowTest.hospital(), home + "-s1", until);
        try (EventProbe dlq = EventProbe.deadLetters("matching")) {
            probe.publish(forged);
            dlq.awaitRecord(forged.eventId());
        }
        awaitPool(home, List.of(home + "-s1"));
        RequestSubmitted request = MatchingFlowTest.request(home);
        probe.publish(request);
        assertThat(probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId())).supporterId())
                .isEqualTo(home + "-s1");
    }

    @Test
    void theUnitOfTheCertificationKeepsASupporterFromTheirOwnUnitsRequests() {
        String hospital = MatchingFlowTest.hospital();
        Instant until = Instant.now().plus(Duration.ofDays(90));
        // The ICU nurse would be the better fit (same role); the unit rule alone sends the request to the other.
        probe.publish(certified(hospital, hospital + "-icu", until, "ICU-4", false));
        probe.publish(new SupporterCertified(UUID.randomUUID().toString(), Instant.now(), hospital,
                hospital + "-ed", ClinicalRole.PHYSICIAN, List.of("en"), List.of(Modality.PHONE), 3, until, "ED-1",
                true));
        awaitPool(hospital, List.of(hospital + "-icu", hospital + "-ed"));

        RequestSubmitted fromIcu = new RequestSubmitted(UUID.randomUUID().toString(), Instant.now(), hospital,
                UUID.randomUUID().toString(), "rq-" + UUID.randomUUID(), ClinicalRole.NURSE, Modality.PHONE, "en",
                false, "ICU-4", null, Urgency.ROUTINE, true, true, null, null);
        probe.publish(fromIcu);

        assertThat(probe.await(OfferMade.class, e -> e.requestId().equals(fromIcu.requestId())).supporterId())
                .isEqualTo(hospital + "-ed");
    }

    private static SupporterCertified certified(String hospital, String supporterId, Instant until, String unit,
            Boolean network) {
        return new SupporterCertified(UUID.randomUUID().toString(), Instant.now(), hospital, supporterId,
                ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 3, until, unit, network);
    }

    private void awaitPool(String hospital, List<String> supporterIds) {
        String token = TestTokens.token(hospital + "-coordinator", hospital, "coordinator");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.local(port).get("/api/hospitals/" + hospital + "/pool", token).json()
                        .findValuesAsString("supporterId")).containsExactlyInAnyOrderElementsOf(supporterIds));
    }
}
