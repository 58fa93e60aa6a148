package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peersupport.matching.MatchingFlowTest.awaitAllHandled;
import static org.peersupport.matching.MatchingFlowTest.certify;
import static org.peersupport.matching.MatchingFlowTest.hospital;
import static org.peersupport.matching.MatchingFlowTest.probe;
import static org.peersupport.matching.MatchingFlowTest.request;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.OfferMade;
import org.peersupport.events.OfferWithdrawn;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The supporter's and the coordinator's endpoints, each only for the caller's own hospital and own offers. */
@ServiceTest
@TestPropertySource(properties = "peersupport.matching.retry-first-delay=10m")
@DirtiesContext
class OffersApiTest {

    @LocalServerPort
    int port;

    private Api api() {
        return Api.local(port);
    }

    private static String supporterToken(String hospital, String supporterId) {
        return TestTokens.token(supporterId, hospital, "supporter");
    }

    private static String coordinatorToken(String hospital) {
        return TestTokens.token(hospital + "-coordinator", hospital, "coordinator");
    }

    private Api.Response put(String path, String token, String body) {
        return api().send(api().request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private RequestSubmitted offeredRequest(String hospital, String expectedSupporter) {
        RequestSubmitted request = request(hospital);
        probe.publish(request);
        assertThat(probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId())).supporterId())
                .isEqualTo(expectedSupporter);
        return request;
    }

    @Test
    void aSupporterSeesTheirOfferAndAcceptsIt() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        certify(hospital, supporter, ClinicalRole.NURSE, OffersFlowTest.inAYear());
        awaitAllHandled("peersupport.training.v1");
        RequestSubmitted request = offeredRequest(hospital, supporter);
        String token = supporterToken(hospital, supporter);

        JsonNode offers = api().get("/api/offers", token).json();
        Api.Response accepted = api().post("/api/offers/" + request.requestId() + "/accept", token, "");

        assertThat(offers.size()).isEqualTo(1);
        assertThat(offers.get(0).get("requestId").asString()).isEqualTo(request.requestId());
        assertThat(offers.get(0).get("requesterRole").asString()).isEqualTo("NURSE");
        assertThat(offers.get(0).has("requesterRef")).isFalse();
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(accepted.json().get("yours").asBoolean()).isTrue();
        assertThat(probe.await(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()))
                .supporterId()).isEqualTo(supporter);
        assertThat(api().get("/api/offers", token).json().size()).isZero();
        assertThat(api().post("/api/offers/" + request.requestId() + "/decline", token, "").status())
                .isEqualTo(409);
    }

    @Test
    void anOfferIsOnlyEverAnsweredByTheSupporterItWasMadeTo() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        String other = hospital + "-s2";
        certify(hospital, supporter, ClinicalRole.NURSE, OffersFlowTest.inAYear());
        certify(hospital, other, ClinicalRole.PHYSICIAN, OffersFlowTest.inAYear());
        awaitAllHandled("peersupport.training.v1");
        RequestSubmitted request = offeredRequest(hospital, supporter);
        String path = "/api/offers/" + request.requestId() + "/accept";

        assertThat(api().post(path, supporterToken(hospital, other), "").status()).isEqualTo(404);
        assertThat(api().post(path, supporterToken("elsewhere", supporter), "").status()).isEqualTo(403);
        assertThat(api().post(path, TestTokens.token(supporter, hospital, "staff"), "").status()).isEqualTo(403);
        assertThat(api().get("/api/offers", null).status()).isEqualTo(401);
        assertThat(api().get("/api/offers", supporterToken(hospital, other)).json().size()).isZero();
    }

    @Test
    void availabilityIsSetByTheSupporterAndBadInputNamesTheField() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        certify(hospital, supporter, ClinicalRole.NURSE, OffersFlowTest.inAYear());
        awaitAllHandled("peersupport.training.v1");
        String token = supporterToken(hospital, supporter);
        Instant restUntil = Instant.now().plus(Duration.ofDays(2));

        Api.Response resting = put("/api/availability", token,
                "{\"status\":\"ON_CALL\",\"restUntil\":\"" + restUntil + "\"}");
        Api.Response badStatus = put("/api/availability", token, "{\"status\":\"ASLEEP\"}");
        Api.Response noStatus = put("/api/availability", token, "{}");

        assertThat(resting.status()).isEqualTo(200);
        assertThat(resting.json().get("available").asBoolean()).isFalse();
        assertThat(api().get("/api/hospitals/" + hospital + "/pool", coordinatorToken(hospital)).json().get(0)
                .get("available").asBoolean()).isFalse();
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body()).contains("status").doesNotContain("ASLEEP");
        assertThat(noStatus.status()).isEqualTo(400);
        assertThat(noStatus.body()).contains("status");
        // Resting, so a new request finds nobody.
        RequestSubmitted request = request(hospital);
        probe.publish(request);
        probe.await(MatchEscalated.class, e -> e.requestId().equals(request.requestId()));
        assertThat(put("/api/availability", token, "{\"status\":\"ON_CALL\"}").json().get("available").asBoolean())
                .isTrue();
        // Back on call: the waiting request is offered to them at once.
        assertThat(probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId())).supporterId())
                .isEqualTo(supporter);
    }

    @Test
    void theCoordinatorSeesTheQueueWithWhyAndAssignsByHandWithinTheRules() {
        String hospital = hospital();
        String nurse = hospital + "-a-nurse";
        String full = hospital + "-b-full";
        certify(hospital, nurse, ClinicalRole.NURSE, OffersFlowTest.inAYear());
        certify(hospital, full, ClinicalRole.NURSE, OffersFlowTest.inAYear(), 1);
        certify(hospital, hospital + "-c-lapsed", ClinicalRole.NURSE, Instant.now().minusSeconds(60));
        awaitAllHandled("peersupport.training.v1");
        RequestSubmitted taken = offeredRequest(hospital, nurse);
        api().post("/api/offers/" + taken.requestId() + "/accept", supporterToken(hospital, nurse), "");
        RequestSubmitted fills = offeredRequest(hospital, full);
        api().post("/api/offers/" + fills.requestId() + "/accept", supporterToken(hospital, full), "");
        RequestSubmitted open = offeredRequest(hospital, nurse);
        String coordinator = coordinatorToken(hospital);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api().get("/api/hospitals/" + hospital + "/queue", coordinator).json().valueStream()
                        .map(entry -> entry.get("requestId").asString()))
                .containsExactly(open.requestId()));
        JsonNode candidates = api().get("/api/hospitals/" + hospital + "/requests/" + open.requestId()
                + "/candidates", coordinator).json();
        Api.Response overCapacity = api().post("/api/hospitals/" + hospital + "/requests/" + open.requestId()
                + "/assignment", coordinator, "{\"supporterId\":\"" + full + "\"}");

        assertThat(candidates.get("request").get("why").get("supporterId").asString()).isEqualTo(nurse);
        assertThat(candidates.get("request").get("why").get("roleScore").asInt()).isPositive();
        assertThat(candidates.get("candidates").valueStream().map(c -> c.get("supporterId").asString()))
                .containsExactly(nurse, full, hospital + "-c-lapsed");
        assertThat(candidates.get("candidates").get(2).get("failed").valueStream().map(JsonNode::asString))
                .containsExactly("CERTIFIED_AND_CURRENT");
        assertThat(candidates.toString()).doesNotContain(open.requesterRef());
        assertThat(overCapacity.status()).isEqualTo(409);
        assertThat(overCapacity.body()).contains("BREAKS_WITHIN_CAPACITY");

        certify(hospital, hospital + "-d-physician", ClinicalRole.PHYSICIAN, OffersFlowTest.inAYear());
        awaitAllHandled("peersupport.training.v1");
        Api.Response byHand = api().post("/api/hospitals/" + hospital + "/requests/" + open.requestId()
                + "/assignment", coordinator, "{\"supporterId\":\"" + hospital + "-d-physician\"}");

        assertThat(byHand.status()).isEqualTo(200);
        assertThat(byHand.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(probe.await(SupporterAssigned.class, e -> e.requestId().equals(open.requestId())).supporterId())
                .isEqualTo(hospital + "-d-physician");
        assertThat(probe.await(OfferWithdrawn.class, e -> e.requestId().equals(open.requestId())).supporterId())
                .isEqualTo(nurse);
        assertThat(api().get("/api/hospitals/" + hospital + "/queue", coordinator).json().size()).isZero();
    }

    @Test
    void theCoordinatorsEndpointsAreOnlyForTheHospitalsOwnCoordinator() {
        String hospital = hospital();
        String queue = "/api/hospitals/" + hospital + "/queue";
        String candidates = "/api/hospitals/" + hospital + "/requests/unknown/candidates";

        assertThat(api().get(queue, coordinatorToken("other")).status()).isEqualTo(403);
        assertThat(api().get(queue, TestTokens.token("x", hospital, "supporter")).status()).isEqualTo(403);
        assertThat(api().get(candidates, coordinatorToken(hospital)).status()).isEqualTo(404);
        assertThat(api().post("/api/hospitals/" + hospital + "/requests/unknown/assignment",
                coordinatorToken(hospital), "{}").status()).isEqualTo(400);
    }
}
