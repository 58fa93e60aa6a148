package org.peersupport.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.FirstContactMade;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.peersupport.platform.timers.TimerStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@ServiceTest
@TestPropertySource(properties = "peersupport.followup.check-in-schedule=1s,2s")
class FollowupFlowTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    TimerStore timers;

    @Test
    void anAssignmentOpensACaseWhoseCheckInsFallDueOnScheduleFromTheFirstContact() {
        String requestId = UUID.randomUUID().toString();
        SupporterAssigned assigned = EventMother.supporterAssigned("lakeside", requestId, "rq-1",
                "lakeside-supporter-1");

        probe.publish(assigned);
        probe.publish(assigned);

        CaseOpened opened = probe.await(CaseOpened.class, e -> e.caseId().equals(requestId));
        String token = TestTokens.token("lakeside-supporter-1", "lakeside", "supporter");
        assertThat(Api.local(port).post("/api/hospitals/lakeside/cases/" + requestId + "/first-contact", token, "")
                .status()).isEqualTo(200);
        FirstContactMade contact = probe.await(FirstContactMade.class, e -> e.caseId().equals(requestId));
        CheckInDue first = probe.await(CheckInDue.class, e -> e.caseId().equals(requestId) && e.checkInNumber() == 1);
        CheckInDue second = probe.await(CheckInDue.class, e -> e.caseId().equals(requestId) && e.checkInNumber() == 2);

        assertThat(opened.supporterId()).isEqualTo("lakeside-supporter-1");
        assertThat(contact.inTime()).isTrue();
        assertThat(first.occurredAt()).isAfterOrEqualTo(contact.occurredAt().plusSeconds(1).minusMillis(1));
        assertThat(second.occurredAt()).isAfter(first.occurredAt());
        assertThat(second.supporterId()).isEqualTo("lakeside-supporter-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> timers.find(requestId + ":check-in:2").isEmpty());
        assertThat(timers.find(requestId + ":check-in:3")).isEmpty();
        assertThat(probe.all(CaseOpened.class, e -> e.caseId().equals(requestId))).hasSize(1);
        assertThat(probe.all(CheckInDue.class, e -> e.caseId().equals(requestId))).hasSize(2);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Api.local(port)
                .get("/api/hospitals/lakeside/cases/" + requestId, token).json().get("checkInsDue").asInt())
                .isEqualTo(2));
        assertThat(Api.local(port).get("/api/hospitals/lakeside/cases/" + requestId,
                TestTokens.token("lakeside-supporter-2", "lakeside", "supporter")).status()).isEqualTo(404);
    }
}
