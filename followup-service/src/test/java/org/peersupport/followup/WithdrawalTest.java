package org.peersupport.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.ClosureReason;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A withdrawn request closes its case: no check-in falls due after it, and a late assignment opens nothing. */
@ServiceTest
@TestPropertySource(properties = "peersupport.followup.check-in-schedule=1s,2s")
class WithdrawalTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    String status(String caseId) {
        Api.Response response = Api.local(port).get("/api/hospitals/lakeside/cases/" + caseId,
                TestTokens.token("lakeside-coordinator", "lakeside", "coordinator"));
        return response.status() == 200 ? response.json().get("status").asString() : "none";
    }

    @Test
    void withdrawnAfterTheCaseOpenedNoCheckInFallsDue() {
        String requestId = UUID.randomUUID().toString();
        probe.publish(EventMother.supporterAssigned("lakeside", requestId, "rq-w1", "lakeside-supporter-1"));
        probe.await(CaseOpened.class, e -> e.caseId().equals(requestId));
        assertThat(Api.local(port).post("/api/hospitals/lakeside/cases/" + requestId + "/first-contact",
                TestTokens.token("lakeside-supporter-1", "lakeside", "supporter"), "").status()).isEqualTo(200);

        probe.publish(EventMother.requestWithdrawn("lakeside", requestId));

        await().atMost(Duration.ofSeconds(20)).until(() -> status(requestId).equals("CLOSED"));
        assertThat(probe.await(CaseClosed.class, e -> e.caseId().equals(requestId)).reason())
                .isEqualTo(ClosureReason.WITHDRAWN);
        // Check-ins fall due 1 s and 2 s after opening: whatever fell due before the case closed, nothing after.
        int dueWhenClosed = Api.local(port).get("/api/hospitals/lakeside/cases/" + requestId,
                TestTokens.token("lakeside-coordinator", "lakeside", "coordinator")).json().get("checkInsDue").asInt();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                probe.all(CheckInDue.class, e -> e.caseId().equals(requestId)).size() <= dueWhenClosed);
        assertThat(dueWhenClosed).as("the schedule did not run to its end").isLessThan(2);
    }

    @Test
    void withdrawnBeforeTheAssignmentArrivedNoCaseIsOpened() {
        String requestId = UUID.randomUUID().toString();
        RequestWithdrawn withdrawn = EventMother.requestWithdrawn("lakeside", requestId);
        probe.publish(withdrawn);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(requestId).equals("CLOSED"));

        SupporterAssigned late = EventMother.supporterAssigned("lakeside", requestId, "rq-w2", "lakeside-supporter-1");
        probe.publish(late);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                probe.all(CaseOpened.class, e -> e.caseId().equals(requestId)).isEmpty()
                        && probe.all(CheckInDue.class, e -> e.caseId().equals(requestId)).isEmpty());
        assertThat(status(requestId)).isEqualTo("CLOSED");
    }

    @Test
    void aWithdrawalNamingAnotherHospitalIsDeadLetteredAndClosesNothing() {
        String requestId = UUID.randomUUID().toString();
        probe.publish(EventMother.supporterAssigned("lakeside", requestId, "rq-w3", "lakeside-supporter-1"));
        probe.await(CaseOpened.class, e -> e.caseId().equals(requestId));
        RequestWithdrawn elsewhere = EventMother.requestWithdrawn("riverside", requestId);

        try (EventProbe dlq = EventProbe.deadLetters("followup")) {
            probe.publish(elsewhere);
            dlq.awaitRecord(elsewhere.eventId());
        }
        assertThat(status(requestId)).isEqualTo("OPEN");
    }
}
