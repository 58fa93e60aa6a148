package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.peersupport.intake.bench.FanOutRun;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A trigger naming 500 staff: 500 offers and one debrief suggestion, on the real broker and store. */
@ServiceTest
class TriggerAtScaleTest {

    @LocalServerPort
    int port;

    @Test
    void aTriggerNaming500StaffMakes500OffersAndOneDebriefSuggestion() {
        FanOutRun.Result result = FanOutRun.run(Api.local(port), EventProbe.shared(), 500, Duration.ofSeconds(60));

        System.out.printf("500-staff trigger: 202 after %d ms, all 500 offers on the topic after %d ms%n",
                result.accepted().toMillis(), result.allOffers().toMillis());
        assertThat(result.offers()).isEqualTo(500);
        assertThat(result.debriefs()).isEqualTo(1);
    }
}
