package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.Modality;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.matching.domain.Supporter;
import org.peersupport.matching.persistence.Rosters;
import org.peersupport.matching.persistence.SupporterDocument;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** Matching keeps looking for an escalated request through its durable retry timers, with nothing to prompt it. */
@ServiceTest
@TestPropertySource(properties = {"peersupport.matching.retry-first-delay=500ms",
        "peersupport.matching.retry-max-delay=1s"})
@DirtiesContext
class EscalationRetryTest {

    static final EventProbe probe = EventProbe.shared();

    @Autowired
    AggregateStore<SupporterDocument> supporters;

    @Autowired
    Rosters rosters;

    @Autowired
    MatchingService matching;

    @Test
    void anEscalatedRequestIsFoundBySupportersNobodyAnnouncedThroughItsRetryTimer() {
        String hospital = "h" + UUID.randomUUID().toString().substring(0, 8);
        RequestSubmitted request = new RequestSubmitted(UUID.randomUUID().toString(), Instant.now(), hospital,
                UUID.randomUUID().toString(), "rq-" + UUID.randomUUID(), ClinicalRole.NURSE, Modality.PHONE, "en",
                false);
        probe.publish(request);
        probe.await(MatchEscalated.class, e -> e.requestId().equals(request.requestId()));

        // Stored without an event, so no waiting list is offered to it: only the retry timer can find it.
        SupporterDocument unannounced = new SupporterDocument(hospital + "-s1");
        unannounced.apply(new Supporter(hospital + "-s1", hospital, ClinicalRole.NURSE, List.of("en"),
                List.of(Modality.PHONE), 2, Instant.now().plusSeconds(86_400)));
        assertThat(supporters.insert(unannounced)).isTrue();
        rosters.add(hospital, hospital + "-s1");

        SupporterAssigned assigned = MatchingFlowTest.acceptOffer(matching, request);
        assertThat(assigned.supporterId()).isEqualTo(hospital + "-s1");
        assertThat(probe.all(MatchEscalated.class, e -> e.requestId().equals(request.requestId()))).hasSize(1);
    }
}
