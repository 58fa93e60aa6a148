package org.peersupport.notification.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.peersupport.events.CheckInDue;
import org.peersupport.notification.NotificationApplication;
import org.peersupport.notification.application.PreferencesService;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.ContactPreferences;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.PeerSupportTestInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Notices per second through email, end to end: notification on the embedded broker and store (as the service tests
 * run it) and a real SMTP server (GreenMail); {@code N} check-ins for {@code N} supporters who chose email are
 * published at once, timed until the SMTP server holds all {@code N} messages. One warm-up batch, then the runs.
 *
 * <pre>./mvnw -q -o -pl notification-service -am test -Dtest=EmailThroughputBenchmark \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dpeersupport.benchmark=500x3</pre>
 *
 * (notices per run x runs); without {@code peersupport.benchmark} it is skipped, so a build never runs it.
 */
@EnabledIfSystemProperty(named = "peersupport.benchmark", matches = "\\d+x\\d+")
class EmailThroughputBenchmark {

    @Test
    void throughEmail() throws Exception {
        String[] setting = System.getProperty("peersupport.benchmark").split("x");
        main(setting);
    }

    public static void main(String[] args) throws Exception {
        int notices = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (ConfigurableApplicationContext notification = new SpringApplicationBuilder(NotificationApplication.class)
                .initializers(new PeerSupportTestInitializer())
                .properties("server.port=0", "management.server.port=0", "logging.level.root=WARN")
                // Arguments, not default properties: application.yaml's spring.mail.* would win over those.
                .run("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort())) {
            PreferencesService preferences = notification.getBean(PreferencesService.class);
            EventProbe probe = EventProbe.shared();
            run(preferences, probe, smtp, 20, "warm-up");
            for (int run = 1; run <= runs; run++) {
                run(preferences, probe, smtp, notices, "run " + run);
            }
        } finally {
            smtp.stop();
        }
    }

    private static void run(PreferencesService preferences, EventProbe probe, GreenMail smtp, int notices,
            String label) throws Exception {
        List<CheckInDue> due = new ArrayList<>();
        String batch = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < notices; i++) {
            String supporter = "bench-" + batch + "-" + i;
            preferences.save(new ContactPreferences(supporter, "lakeside", supporter + "@bench.example.org", null,
                    List.of(Channel.EMAIL), null), false);
            due.add(new CheckInDue(UUID.randomUUID().toString(), Instant.now(), "lakeside",
                    UUID.randomUUID().toString(), supporter, 1));
        }
        int before = smtp.getReceivedMessages().length;
        long start = System.nanoTime();
        due.forEach(probe::publish);
        long published = System.nanoTime();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (smtp.getReceivedMessages().length - before < notices) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(label + ": only " + (smtp.getReceivedMessages().length - before)
                        + " of " + notices + " emails after 10 min");
            }
            smtp.waitForIncomingEmail(200, before + notices);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d notices published in %d ms, all %d emails on the SMTP server after %.1f s: "
                        + "%.1f notices/s%n", label, notices, (published - start) / 1_000_000, notices, seconds,
                notices / seconds);
    }
}
