package org.peersupport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.events.NotificationSent;
import org.peersupport.events.OfferMade;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ServiceTest
class NotificationFlowTest extends WithProviders {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Test
    void theAssignedSupporterIsToldOnceInAppAndNobodyElseIs() {
        String supporter = "lakeside-supporter-" + UUID.randomUUID().toString().substring(0, 6);
        String requestId = UUID.randomUUID().toString();
        SupporterAssigned assigned = EventMother.supporterAssigned("lakeside", requestId, "rq-1", supporter);
        String token = TestTokens.token(supporter, "lakeside", "supporter");
        Api api = Api.local(port);

        probe.publish(assigned);
        probe.publish(assigned);
        probe.publish(EventMother.checkInDue("lakeside", requestId, supporter, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/notifications", token).json().size() == 2);
        JsonNode inbox = api.get("/api/notifications", token).json();
        assertThat(inbox.findValuesAsString("kind")).containsExactlyInAnyOrder("NEW_REQUEST", "CHECK_IN_DUE");
        assertThat(inbox.get(0).get("text").asString()).contains("Open the console");

        NotificationSent sent = probe.await(NotificationSent.class, e -> e.recipientId().equals(supporter)
                && e.reason().equals("NEW_REQUEST"));
        assertThat(sent.channel()).isEqualTo("IN_APP");
        assertThat(probe.all(NotificationSent.class, e -> e.recipientId().equals(supporter))).hasSize(2);

        assertThat(api.get("/api/notifications", TestTokens.token("lakeside-supporter-other", "lakeside",
                "supporter")).json().size()).isZero();
        assertThat(api.get("/api/notifications", TestTokens.token(supporter, "riverside", "supporter")).json().size())
                .isZero();

        String id = inbox.get(0).get("id").asString();
        assertThat(api.post("/api/notifications/" + id + "/read", TestTokens.token("someone-else", "lakeside",
                "supporter"), "").status()).isEqualTo(404);
        assertThat(api.post("/api/notifications/" + id + "/read", token, "").json().get("readAt").isNull()).isFalse();
    }

    @Test
    void aSupporterOfferedARequestIsToldToAnswerIt() {
        String supporter = "lakeside-supporter-" + UUID.randomUUID().toString().substring(0, 6);
        OfferMade offer = EventMother.offerMade("lakeside", UUID.randomUUID().toString(), supporter);
        String token = TestTokens.token(supporter, "lakeside", "supporter");
        Api api = Api.local(port);

        probe.publish(offer);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/notifications", token).json().size() == 1);
        JsonNode told = api.get("/api/notifications", token).json().get(0);
        assertThat(told.get("kind").asString()).isEqualTo("NEW_OFFER");
        assertThat(told.get("aboutId").asString()).isEqualTo(offer.requestId());
        assertThat(told.get("text").asString()).contains("Open the console");
    }
}
