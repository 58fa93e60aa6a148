package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
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
        FanOutRun.Result result;
        try {
            result = FanOutRun.run(Api.local(port), EventProbe.shared(), 500, Duration.ofSeconds(60));
        } catch (ConditionTimeoutException late) {
            printWorkers();
            throw late;
        }

        System.out.printf("500-staff trigger: 202 after %d ms, all 500 offers on the topic after %d ms%n",
                result.accepted().toMillis(), result.allOffers().toMillis());
        assertThat(result.offers()).isEqualTo(500);
        assertThat(result.debriefs()).isEqualTo(1);
    }

    /** Where the relay and the timer poller are, when the offers did not all come in time. */
    private static void printWorkers() {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            String name = thread.getKey().getName();
            if (name.equals("outbox-relay") || name.equals("timer-poller")) {
                System.out.println(name + " " + thread.getKey().getState() + "\n    at "
                        + String.join("\n    at ", Arrays.stream(thread.getValue()).map(String::valueOf).toList()));
            }
        }
    }
}
