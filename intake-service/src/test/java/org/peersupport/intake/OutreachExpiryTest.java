package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
@TestPropertySource(properties = "peersupport.outreach.expires-after=2s")
class OutreachExpiryTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Test
    void anUnansweredOfferExpiresAndAcceptingItThenIsAConflict() {
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
    }
}
