package org.peersupport.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peersupport.events.SupporterCertified;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@ServiceTest
@TestPropertySource(properties = "peersupport.demo.enabled=true")
class DemoRosterTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationRunner demoRoster;

    @Test
    void theDemoRosterIsCertifiedOnceAndAnnouncedWithoutNames() throws Exception {
        probe.await(SupporterCertified.class, e -> e.supporterId().equals("summit-supporter-3"));
        ApplicationArguments none = new DefaultApplicationArguments();
        demoRoster.run(none);

        var roster = Api.local(port).get("/api/hospitals/lakeside/supporters",
                TestTokens.token("lakeside-coordinator", "lakeside", "coordinator")).json();
        assertThat(roster.findValuesAsString("supporterId"))
                .containsExactlyInAnyOrder("lakeside-supporter-1", "lakeside-supporter-2", "lakeside-supporter-3");
        SupporterCertified physician = probe.await(SupporterCertified.class,
                e -> e.supporterId().equals("lakeside-supporter-2"));
        assertThat(physician.unit()).isEqualTo("ED-1");
        assertThat(physician.takesNetworkRequests()).isTrue();
        assertThat(probe.all(SupporterCertified.class, e -> e.supporterId().equals("lakeside-supporter-1")))
                .hasSize(1);
        probe.records().forEach(r -> assertThat(new String(r.value())).doesNotContain("Demo Nurse"));
        assertThat(Api.local(port).get("/api/hospitals/lakeside/supporters",
                TestTokens.token("riverside-coordinator", "riverside", "coordinator")).status()).isEqualTo(403);
    }
}
