package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peersupport.matching.MatchingFlowTest.certify;
import static org.peersupport.matching.MatchingFlowTest.hospital;
import static org.peersupport.matching.MatchingFlowTest.probe;
import static org.peersupport.matching.MatchingFlowTest.request;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.OfferExpired;
import org.peersupport.events.OfferMade;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** An offer nobody answers expires on its durable timer and goes to the next candidate. */
@ServiceTest
@TestPropertySource(properties = {"peersupport.matching.retry-first-delay=10m",
        "peersupport.matching.offer-window=1s"})
@DirtiesContext
class OfferExpiryTest {

    @Test
    void anUnansweredOfferExpiresAndTheNextCandidateIsOffered() {
        String hospital = hospital();
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, OffersFlowTest.inAYear());
        certify(hospital, hospital + "-s2", ClinicalRole.PHYSICIAN, OffersFlowTest.inAYear());
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");
        RequestSubmitted request = request(hospital);
        probe.publish(request);

        OfferMade first = probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId()));
        OfferExpired expired = probe.await(OfferExpired.class, e -> e.requestId().equals(request.requestId()));
        OfferMade second = probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId())
                && !e.supporterId().equals(first.supporterId()));

        assertThat(first.supporterId()).isEqualTo(hospital + "-s1");
        assertThat(first.expiresAt()).isBefore(first.occurredAt().plus(Duration.ofSeconds(2)));
        assertThat(expired.supporterId()).isEqualTo(hospital + "-s1");
        assertThat(second.supporterId()).isEqualTo(hospital + "-s2");
    }
}
