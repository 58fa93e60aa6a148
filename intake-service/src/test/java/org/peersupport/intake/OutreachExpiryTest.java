package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.events.OutreachExpired;
import org.peersupport.events.OutreachOffered;
import org.peersupport.events.OutreachOrigin;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** An offer nobody answers ends on its durable timer, and cannot be accepted afterwards. */
@ServiceTest
@TestPropertySource(properties = "peersupport.outreach.expires-after=4s")
class OutreachExpiryTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Test
    void anUnansweredOfferExpiresAcceptingItThenIsAConflictAndANewReferralIsANewOffer() {
        String colleague = "riverside-staff-" + UUID.randomUUID();
        Api api = Api.local(port);
        assertThat(api.post("/api/hospitals/riverside/referrals",
                TestTokens.token("riverside-coordinator", "riverside", "coordinator"),
                "{\"colleagueStaffId\":\"" + colleague + "\"}").status()).isEqualTo(202);
        String staff = TestTokens.token(colleague, "riverside", "staff");
        String offerId = api.get("/api/hospitals/riverside/outreach-offers", staff).json().get(0).get("offerId")
                .asString();
        probe.await(OutreachOffered.class, e -> e.offerId().equals(offerId));

        OutreachExpired expired = probe.await(OutreachExpired.class, e -> e.offerId().equals(offerId),
                Duration.ofSeconds(20));

        assertThat(expired.origin()).isEqualTo(OutreachOrigin.REFERRAL);
        assertThat(expired.hospitalId()).isEqualTo("riverside");
        Api.Response late = api.post("/api/hospitals/riverside/outreach-offers/" + offerId + "/acceptance", staff,
                """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"Rae Late","phone":"+16035550166"}}""");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("reason").asString()).isEqualTo("OFFER_NOT_OPEN");
        assertThat(api.get("/api/hospitals/riverside/outreach-offers", staff).json().size()).isZero();

        assertThat(api.post("/api/hospitals/riverside/referrals",
                TestTokens.token("riverside-supporter-1", "riverside", "supporter"),
                "{\"colleagueStaffId\":\"" + colleague + "\"}").status()).isEqualTo(202);
        assertThat(api.get("/api/hospitals/riverside/outreach-offers", staff).json().get(0).get("offerId").asString())
                .as("a referral after the last offer ended is a new offer").isNotEqualTo(offerId);
    }

    @Test
    void aTriggersOffersLeftUnansweredExpireTogetherAndAnAnsweredOneStaysAnswered() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> named = List.of("riverside-" + tag + "-1", "riverside-" + tag + "-2");
        Api api = Api.local(port);

        assertThat(api.post("/api/hospitals/riverside/triggers",
                TestTokens.token("riverside-system", "riverside", "hospital-system"), Triggers.body("AE-" + tag, named))
                .status()).isEqualTo(202);
        String unanswered = offerOf(api, named.get(0));
        String declined = offerOf(api, named.get(1));
        assertThat(api.post("/api/hospitals/riverside/outreach-offers/" + declined + "/decline",
                TestTokens.token(named.get(1), "riverside", "staff"), "").status()).isEqualTo(204);

        OutreachExpired expired = probe.await(OutreachExpired.class, e -> e.offerId().equals(unanswered),
                Duration.ofSeconds(20));

        assertThat(expired.origin()).isEqualTo(OutreachOrigin.TRIGGER);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> probe.all(OutreachExpired.class, e -> e.offerId().equals(declined)).isEmpty());
    }

    private static String offerOf(Api api, String staffId) {
        String token = TestTokens.token(staffId, "riverside", "staff");
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/hospitals/riverside/outreach-offers", token).json(), json -> json.size() == 1)
                .get(0).get("offerId").asString();
    }
}
