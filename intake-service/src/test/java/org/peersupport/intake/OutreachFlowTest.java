package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.OutreachDeclined;
import org.peersupport.events.OutreachOffered;
import org.peersupport.events.OutreachOrigin;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.intake.persistence.OutreachDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Referral of a colleague, and the referred person's offer: seen only by them, accepted or declined by them. */
@ServiceTest
class OutreachFlowTest {

    static final EventProbe probe = EventProbe.shared();
    static final String COORDINATOR = TestTokens.token("lakeside-coordinator", "lakeside", "coordinator");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Api api() {
        return Api.local(port);
    }

    static String staff(String subject) {
        return TestTokens.token(subject, "lakeside", "staff");
    }

    Api.Response refer(String token, String colleague) {
        return api().post("/api/hospitals/lakeside/referrals", token,
                "{\"colleagueStaffId\":\"" + colleague + "\",\"reasonCategory\":\"PATIENT_DEATH\"}");
    }

    List<JsonNode> openOffers(String token) {
        Api.Response response = api().get("/api/hospitals/lakeside/outreach-offers", token);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> offers = new java.util.ArrayList<>();
        response.json().forEach(offers::add);
        return offers;
    }

    String referredOffer(String colleague) {
        assertThat(refer(COORDINATOR, colleague).status()).isEqualTo(202);
        List<JsonNode> offers = openOffers(staff(colleague));
        assertThat(offers).hasSize(1);
        return offers.get(0).get("offerId").asString();
    }

    static String acceptance(String name) {
        return """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"%s","phone":"+16035550188"}}""".formatted(name);
    }

    @Test
    void aReferredColleagueIsOfferedSupportUnderTheSamePseudonymAsTheirOwnRequestsAndTheReferrerLearnsNothing() {
        String colleague = "lakeside-staff-" + UUID.randomUUID();

        Api.Response referral = refer(TestTokens.token("lakeside-supporter-1", "lakeside", "supporter"), colleague);

        assertThat(referral.status()).isEqualTo(202);
        assertThat(referral.body()).isEmpty();
        String offerId = openOffers(staff(colleague)).get(0).get("offerId").asString();
        OutreachOffered offered = probe.await(OutreachOffered.class, e -> e.offerId().equals(offerId));
        assertThat(offered.origin()).isEqualTo(OutreachOrigin.REFERRAL);
        assertThat(offered.hospitalId()).isEqualTo("lakeside");
        assertThat(offered.staffRef()).startsWith("rq-").doesNotContain(colleague);
        assertThat(openOffers(staff("lakeside-staff-2"))).noneMatch(o -> o.get("offerId").asString().equals(offerId));

        Api.Response accepted = api().post("/api/hospitals/lakeside/outreach-offers/" + offerId + "/acceptance",
                staff(colleague), acceptance("Jo Referred"));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String reference = accepted.json().get("reference").asString();
        RequestSubmitted submitted = probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));
        assertThat(submitted.requesterRef()).isEqualTo(offered.staffRef());
        assertThat(openOffers(staff(colleague))).isEmpty();
    }

    @Test
    void referringTheSameColleagueAgainWhileTheOfferIsOpenIsTheSameOffer() {
        String colleague = "lakeside-staff-" + UUID.randomUUID();
        String offerId = referredOffer(colleague);

        assertThat(refer(TestTokens.token("lakeside-supporter-3", "lakeside", "supporter"), colleague).status())
                .isEqualTo(202);
        assertThat(refer(COORDINATOR, colleague).status()).isEqualTo(202);

        assertThat(openOffers(staff(colleague))).extracting(o -> o.get("offerId").asString()).containsExactly(offerId);
        probe.await(OutreachOffered.class, e -> e.offerId().equals(offerId));
        assertThat(mongo.getCollection(OutreachDocument.COLLECTION).countDocuments(new Document("_id", offerId)))
                .isEqualTo(1);
        assertThat(probe.all(OutreachOffered.class, e -> e.offerId().equals(offerId))).hasSize(1);
    }

    @Test
    void aRetriedAcceptanceReturnsTheSameRequest() {
        String colleague = "lakeside-staff-" + UUID.randomUUID();
        String offerId = referredOffer(colleague);
        String path = "/api/hospitals/lakeside/outreach-offers/" + offerId + "/acceptance";

        String first = api().post(path, staff(colleague), acceptance("Kit Twice")).json().get("reference").asString();
        String second = api().post(path, staff(colleague), acceptance("Kit Twice")).json().get("reference").asString();

        assertThat(second).isEqualTo(first);
        probe.await(RequestSubmitted.class, e -> e.requestId().equals(first));
        assertThat(probe.all(RequestSubmitted.class, e -> e.requestId().equals(first))).hasSize(1);
    }

    @Test
    void aDeclinedOfferEndsCountedOnlyInAggregateAndCannotBeAcceptedAfterwards() {
        String colleague = "lakeside-staff-" + UUID.randomUUID();
        String offerId = referredOffer(colleague);

        Api.Response declined = api().post("/api/hospitals/lakeside/outreach-offers/" + offerId + "/decline",
                staff(colleague), "");

        assertThat(declined.status()).isEqualTo(204);
        OutreachDeclined event = probe.await(OutreachDeclined.class, e -> e.offerId().equals(offerId));
        assertThat(event.origin()).isEqualTo(OutreachOrigin.REFERRAL);
        assertThat(openOffers(staff(colleague))).isEmpty();
        Api.Response late = api().post("/api/hospitals/lakeside/outreach-offers/" + offerId + "/acceptance",
                staff(colleague), acceptance("Lou Late"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("reason").asString()).isEqualTo("OFFER_NOT_OPEN");
    }

    @Test
    void nobodyButTheOfferedPersonCanSeeAcceptOrDeclineTheirOffer() {
        String colleague = "lakeside-staff-" + UUID.randomUUID();
        String offerId = referredOffer(colleague);
        String base = "/api/hospitals/lakeside/outreach-offers/" + offerId;

        assertThat(api().post(base + "/acceptance", staff("lakeside-staff-1"), acceptance("Not Them")).status())
                .isEqualTo(404);
        assertThat(api().post(base + "/decline", COORDINATOR, "").status()).isEqualTo(404);
        assertThat(api().post(base + "/decline", TestTokens.token(colleague, "riverside", "staff"), "").status())
                .as("the same subject at another hospital is another hospital's caller").isEqualTo(403);
        assertThat(openOffers(COORDINATOR)).noneMatch(o -> o.get("offerId").asString().equals(offerId));
        assertThat(openOffers(staff(colleague))).hasSize(1);
    }

    @Test
    void onlyASupporterOrCoordinatorOfTheHospitalMayReferAndNeverThemselves() {
        String colleague = "lakeside-staff-" + UUID.randomUUID();

        assertThat(refer(staff("lakeside-staff-1"), colleague).status()).isEqualTo(403);
        assertThat(refer(TestTokens.token("riverside-coordinator", "riverside", "coordinator"), colleague).status())
                .isEqualTo(403);
        assertThat(refer(TestTokens.token("lakeside-system", "lakeside", "hospital-system"), colleague).status())
                .isEqualTo(403);
        Api.Response self = refer(COORDINATOR, "lakeside-coordinator");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("detail").asString()).contains("'colleagueStaffId'");
        Api.Response bad = api().post("/api/hospitals/lakeside/referrals", COORDINATOR,
                "{\"colleagueStaffId\":\"{$ne: null}\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("'colleagueStaffId'");
        assertThat(openOffers(staff(colleague))).isEmpty();
    }

    @Test
    void theAcceptanceBodyIsCheckedAsASelfReferralIs() {
        String colleague = "lakeside-staff-" + UUID.randomUUID();
        String offerId = referredOffer(colleague);

        Api.Response response = api().send(api().request("/api/hospitals/lakeside/outreach-offers/" + offerId
                        + "/acceptance", staff(colleague)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(acceptance("Sam").replace("\"en\"", "\"english\"")))
                .build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("'preferredLanguage'");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> openOffers(staff(colleague)).size() == 1);
    }
}
