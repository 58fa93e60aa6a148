package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.SupporterCertified;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.TestTokens;

/** Ready means ready: matching takes no traffic before its pool holds what training had published. */
@Tag("own-jvm")
class ReadinessTest {

    static final EventProbe probe = EventProbe.shared();
    static final int SUPPORTERS = 300;

    @Test
    void matchingIsReadyOnlyOnceThePoolHoldsEverySupporterCertifiedBeforeItStarted() {
        String hospital = "h" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < SUPPORTERS; i++) {
            probe.publish(new SupporterCertified(UUID.randomUUID().toString(), Instant.now(), hospital,
                    hospital + "-s" + i, ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 3,
                    Instant.now().plusSeconds(86_400)));
        }

        try (MatchingInstance matching = MatchingInstance.start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> matching.readiness().status() == 200);

            Api.Response pool = matching.api().get("/api/hospitals/" + hospital + "/pool",
                    TestTokens.token(hospital + "-coordinator", hospital, "coordinator"));
            assertThat(pool.json().size()).isEqualTo(SUPPORTERS);
            assertThat(matching.readiness().json().get("components").propertyNames())
                    .contains("consumers", "mongoPing", "readinessState");
        }
    }
}
