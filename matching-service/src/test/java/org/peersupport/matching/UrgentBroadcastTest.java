package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peersupport.matching.MatchingFlowTest.awaitAllHandled;
import static org.peersupport.matching.MatchingFlowTest.certify;
import static org.peersupport.matching.MatchingFlowTest.hospital;
import static org.peersupport.matching.MatchingFlowTest.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.OfferMade;
import org.peersupport.events.OfferWithdrawn;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.matching.domain.MatchRequest;
import org.peersupport.matching.domain.OfferNotOpen;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * An urgent request goes to the best three at once; they all accept at the same moment and exactly one gets it. The
 * request is answered through the service directly: {@code RequestSubmitted} carries no urgency yet.
 */
@ServiceTest
@TestPropertySource(properties = {"peersupport.matching.retry-first-delay=10m",
        "peersupport.matching.broadcast-size=3"})
@DirtiesContext
class UrgentBroadcastTest {

    @Autowired
    MatchingService matching;

    @Test
    void theFirstOfRacingAcceptancesWinsAndTheOtherOffersAreWithdrawn() throws Exception {
        String hospital = hospital();
        for (int i = 1; i <= 4; i++) {
            certify(hospital, hospital + "-s" + i, ClinicalRole.NURSE, OffersFlowTest.inAYear());
        }
        awaitAllHandled("peersupport.training.v1");
        String requestId = UUID.randomUUID().toString();
        MatchRequest urgent = new MatchRequest(requestId, hospital, "rq-" + requestId, ClinicalRole.NURSE,
                Modality.PHONE, "en", false, null, false, Set.of(), Set.of(), true, true);

        matching.answer(urgent, urgent.requesterRef(), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> probe.all(OfferMade.class, e -> e.requestId().equals(requestId)).size() == 3);
        List<String> offeredTo = probe.all(OfferMade.class, e -> e.requestId().equals(requestId)).stream()
                .map(OfferMade::supporterId).toList();
        assertThat(offeredTo).doesNotHaveDuplicates();
        ExecutorService accepting = Executors.newFixedThreadPool(3);
        List<String> winners = new ArrayList<>();
        try {
            List<Callable<Boolean>> answers = offeredTo.stream().<Callable<Boolean>>map(supporter -> () -> {
                try {
                    matching.acceptOffer(supporter, requestId);
                    return true;
                } catch (OfferNotOpen lost) {
                    return false;
                }
            }).toList();
            List<Future<Boolean>> results = accepting.invokeAll(answers);
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).get()) {
                    winners.add(offeredTo.get(i));
                }
            }
        } finally {
            accepting.shutdown();
        }

        assertThat(winners).hasSize(1);
        SupporterAssigned assigned = probe.await(SupporterAssigned.class, e -> e.requestId().equals(requestId));
        assertThat(assigned.supporterId()).isEqualTo(winners.get(0));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> probe.all(OfferWithdrawn.class, e -> e.requestId().equals(requestId)).size() == 2);
        assertThat(probe.all(OfferWithdrawn.class, e -> e.requestId().equals(requestId)))
                .extracting(OfferWithdrawn::supporterId).doesNotContain(winners.get(0));
        awaitAllHandled("peersupport.intake.v1");
        assertThat(probe.all(SupporterAssigned.class, e -> e.requestId().equals(requestId))).hasSize(1);
        offeredTo.forEach(supporter -> assertThat(matching.openOffersOf(supporter)).isEmpty());
    }
}
