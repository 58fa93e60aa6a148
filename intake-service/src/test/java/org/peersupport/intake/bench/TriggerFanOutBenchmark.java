package org.peersupport.intake.bench;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.peersupport.intake.IntakeApplication;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.PeerSupportTestInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Intake on the embedded broker and store (as the service tests run it), one warm-up trigger, then triggers naming
 * 500 staff, each timed until all 500 {@code OutreachOffered} are on the topic. Prints one line per run. Run through
 * Surefire, so the reactor's own modules are on the classpath (not whatever the local repository holds):
 *
 * <pre>./mvnw -q -o -pl intake-service -am test -Dtest=TriggerFanOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dpeersupport.benchmark=500x3</pre>
 *
 * (staff per trigger x runs); without {@code peersupport.benchmark} it is skipped, so a build never runs it.
 */
@EnabledIfSystemProperty(named = "peersupport.benchmark", matches = "\\d+x\\d+")
class TriggerFanOutBenchmark {

    @Test
    void fanOut() {
        String[] setting = System.getProperty("peersupport.benchmark").split("x");
        main(setting);
    }

    public static void main(String[] args) {
        int staff = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (ConfigurableApplicationContext intake = new SpringApplicationBuilder(IntakeApplication.class)
                .initializers(new PeerSupportTestInitializer())
                .properties("server.port=0", "management.server.port=0", "logging.level.root=WARN")
                .run()) {
            Api api = Api.local(Integer.parseInt(intake.getEnvironment().getProperty("local.server.port")));
            EventProbe probe = EventProbe.shared();
            FanOutRun.run(api, probe, 10, Duration.ofMinutes(2));
            for (int run = 1; run <= runs; run++) {
                FanOutRun.Result result = FanOutRun.run(api, probe, staff, Duration.ofMinutes(5));
                System.out.printf("run %d: %d staff -> 202 after %d ms, debrief suggested after %d ms, "
                                + "%d OutreachOffered on the topic after %d ms (%d debrief suggestion)%n", run,
                        result.staff(), result.accepted().toMillis(), result.debrief().toMillis(), result.offers(),
                        result.allOffers().toMillis(), result.debriefs());
            }
        }
    }
}
