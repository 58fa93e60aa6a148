package org.peersupport.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.FeedbackReceived;
import org.peersupport.events.ReferralCategory;
import org.peersupport.events.ReferralMade;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.followup.persistence.FeedbackDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The supporter's and coordinator's case endpoints: who may do what, bad input named by field, wrong state as 409,
 * the referral directory, and the one-time anonymous feedback link. Same settings as {@link FollowupClocksTest}, so
 * the two share one context.
 */
@ServiceTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = {
        "peersupport.followup.first-contact-within=10m",
        "peersupport.followup.urgent-first-contact-within=2m",
        "peersupport.followup.check-in-schedule=20m,40m",
        "peersupport.followup.check-in-grace=5m",
        "peersupport.followup.hospitals.riverside.first-contact-within=3m"})
class CaseApiTest {

    static final EventProbe probe = EventProbe.shared();
    static final String SUPPORTER = "lakeside-supporter-1";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    MongoTemplate mongo;

    private final String supporter = TestTokens.token(SUPPORTER, "lakeside", "supporter");
    private final String otherSupporter = TestTokens.token("lakeside-supporter-2", "lakeside", "supporter");
    private final String coordinator = TestTokens.token("lakeside-coordinator", "lakeside", "coordinator");
    private final String elsewhere = TestTokens.token("riverside-supporter-1", "riverside", "supporter");

    private String opened() {
        return opened("lakeside", SUPPORTER);
    }

    private String opened(String hospital, String supporterId) {
        String caseId = UUID.randomUUID().toString();
        probe.publish(new SupporterAssigned(UUID.randomUUID().toString(), clock.instant(), hospital, caseId, "rq-a",
                supporterId, false));
        probe.await(CaseOpened.class, e -> e.caseId().equals(caseId));
        return caseId;
    }

    private Api.Response post(String path, String token, String body) {
        return Api.local(port).post(path, token, body);
    }

    @Test
    void onlyTheCasesSupporterActsOnItAndTheCoordinatorReadsIt() {
        String base = "/api/hospitals/lakeside/cases/" + opened();

        assertThat(post(base + "/first-contact", otherSupporter, "").status()).isEqualTo(404);
        assertThat(post(base + "/first-contact", coordinator, "").status()).isEqualTo(403);
        assertThat(post(base + "/first-contact", elsewhere, "").status()).isEqualTo(403);
        assertThat(Api.local(port).get(base, coordinator).status()).isEqualTo(200);
        assertThat(Api.local(port).get(base, otherSupporter).status()).isEqualTo(404);
        assertThat(post(base + "/first-contact", supporter, "").json().get("firstContactAt").isNull()).isFalse();
    }

    private List<String> listed(String path, String token) {
        return Api.local(port).get(path, token).json().valueStream().map(c -> c.get("caseId").asString()).toList();
    }

    @Test
    void theCoordinatorListsTheHospitalsOpenCasesAndASupporterTheirOwnUntilTheyClose() {
        String caseId = opened();

        assertThat(listed("/api/hospitals/lakeside/cases", coordinator)).contains(caseId);
        assertThat(listed("/api/cases", supporter)).contains(caseId);
        assertThat(listed("/api/cases", otherSupporter)).doesNotContain(caseId);
        assertThat(Api.local(port).get("/api/hospitals/lakeside/cases", supporter).status()).isEqualTo(403);
        assertThat(Api.local(port).get("/api/hospitals/lakeside/cases",
                TestTokens.token("riverside-coordinator", "riverside", "coordinator")).status()).isEqualTo(403);

        post("/api/hospitals/lakeside/cases/" + caseId + "/closure", supporter, "");

        assertThat(listed("/api/hospitals/lakeside/cases", coordinator)).doesNotContain(caseId);
        assertThat(listed("/api/cases", supporter)).doesNotContain(caseId);
    }

    @Test
    void badInputNamesTheFieldAndAWrongStateIsAConflict() {
        String base = "/api/hospitals/lakeside/cases/" + opened();

        Api.Response badOutcome = post(base + "/check-ins/1", supporter, "{\"outcome\":\"SPLENDID\"}");
        Api.Response noOutcome = post(base + "/check-ins/1", supporter, "{}");
        Api.Response notDue = post(base + "/check-ins/1", supporter, "{\"outcome\":\"COMPLETED\"}");
        Api.Response badCategory = post(base + "/referrals", supporter, "{\"category\":\"ASTROLOGY\"}");

        assertThat(badOutcome.status()).isEqualTo(400);
        assertThat(badOutcome.body()).contains("outcome").doesNotContain("SPLENDID");
        assertThat(noOutcome.status()).isEqualTo(400);
        assertThat(noOutcome.body()).contains("outcome");
        assertThat(notDue.status()).isEqualTo(409);
        assertThat(notDue.body()).contains("CHECK_IN_NOT_DUE");
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(badCategory.body()).contains("category");
        assertThat(post(base + "/closure", supporter, "").status()).isEqualTo(200);
        Api.Response closed = post(base + "/first-contact", supporter, "");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.body()).contains("CASE_CLOSED");
    }

    @Test
    void aReferralIsToACategoryOfTheHospitalsDirectory() {
        String caseId = opened();
        List<String> listed = Api.local(port).get("/api/hospitals/lakeside/referral-directory", supporter).json()
                .valueStream().map(entry -> entry.get("category").asString()).toList();
        assertThat(listed).contains("EAP", "GRIEF_COUNSELING", "CHAPLAINCY");
        assertThat(Api.local(port).get("/api/hospitals/lakeside/referral-directory", elsewhere).status())
                .isEqualTo(403);

        Api.Response referred = post("/api/hospitals/lakeside/cases/" + caseId + "/referrals", supporter,
                "{\"category\":\"GRIEF_COUNSELING\"}");
        // Riverside has no directory of its own: the default one has no chaplaincy.
        Api.Response notListed = post("/api/hospitals/riverside/cases/" + opened("riverside", "riverside-supporter-1")
                + "/referrals", elsewhere, "{\"category\":\"CHAPLAINCY\"}");

        assertThat(referred.status()).isEqualTo(200);
        assertThat(probe.await(ReferralMade.class, e -> e.caseId().equals(caseId)).category())
                .isEqualTo(ReferralCategory.GRIEF_COUNSELING);
        assertThat(notListed.status()).isEqualTo(400);
        assertThat(notListed.body()).contains("category");
    }

    @Test
    void theFeedbackLinkComesOnceWithTheClosureAndItsAnswerIsUnlinkableAndSingleUse() {
        String caseId = opened();
        String base = "/api/hospitals/lakeside/cases/" + caseId;
        post(base + "/first-contact", supporter, "");

        Api.Response closure = post(base + "/closure", supporter, "");
        String token = closure.json().get("feedbackToken").asString();
        assertThat(token).hasSizeGreaterThan(30);
        assertThat(post(base + "/feedback-link", supporter, "").status()).isEqualTo(409);

        String answer = """
                {"token":"%s","helpfulness":5,"wouldRecommend":true,"distress":2,"colleagueSupport":4}""".formatted(token);
        Api.Response badScore = post("/api/feedback", null, answer.replace("\"distress\":2", "\"distress\":9"));
        assertThat(badScore.status()).isEqualTo(400);
        assertThat(badScore.body()).contains("distress");
        assertThat(post("/api/feedback", null, answer).status()).isEqualTo(204);
        assertThat(post("/api/feedback", null, answer).status()).isEqualTo(404);

        FeedbackReceived received = probe.await(FeedbackReceived.class, e -> e.helpfulness() == 5
                && Integer.valueOf(2).equals(e.distress()) && Integer.valueOf(4).equals(e.colleagueSupport())
                && e.occurredAt().equals(clock.instant()));
        assertThat(received.hospitalId()).isEqualTo("lakeside");
        assertThat(received.month()).isEqualTo(java.time.YearMonth.from(clock.instant().atZone(
                java.time.ZoneOffset.UTC)).toString());
        assertThat(received.feedbackId()).isNotEqualTo(caseId);
        Document stored = mongo.getCollection(FeedbackDocument.COLLECTION)
                .find(new Document("_id", received.feedbackId())).first();
        assertThat(stored.toJson()).doesNotContain(caseId).doesNotContain(SUPPORTER).doesNotContain(token);
        assertThat(mongo.getCollection("feedback_links").find().into(new ArrayList<>()))
                .allSatisfy(link -> assertThat(link.keySet()).containsOnly("_id", "hospitalId", "month", "expiresAt"));
    }

    @Test
    void aCoordinatorClosesACaseWithoutTakingItsLinkAndTheSupporterTakesItOnceLater() {
        String caseId = opened();
        String base = "/api/hospitals/lakeside/cases/" + caseId;

        Api.Response closure = post(base + "/closure", coordinator, "");
        assertThat(closure.status()).isEqualTo(200);
        assertThat(closure.json().get("closedBecause").asString()).isEqualTo("BY_COORDINATOR");
        assertThat(closure.json().get("feedbackToken").isNull()).isTrue();

        assertThat(post(base + "/feedback-link", supporter, "").json().get("feedbackToken").asString()).isNotBlank();
        assertThat(post(base + "/feedback-link", supporter, "").status()).isEqualTo(409);
    }
}
