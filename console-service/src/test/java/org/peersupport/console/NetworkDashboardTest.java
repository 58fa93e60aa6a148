package org.peersupport.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.console.persistence.DashboardStore;
import org.peersupport.events.CheckInOutcome;
import org.peersupport.events.ClosureReason;
import org.peersupport.events.FeedbackReceived;
import org.peersupport.events.FirstContactMade;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.Topics;
import org.peersupport.events.SessionStarted;
import org.peersupport.events.WaitlistPromoted;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.SharedInfrastructure;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A month of activity (October 2026) at three hospitals, published as their owners would on the real broker; the
 * network admin's figures must be what those events say, small counts hidden, and the same after a rebuild.
 */
@ServiceTest
@DirtiesContext
@TestPropertySource(properties = "spring.cloud.stream.bindings.dashboardEvents-in-0.group=" + NetworkDashboardTest.GROUP)
class NetworkDashboardTest {

    /** A group of its own, so another test context consuming as "console" takes none of its partitions. */
    static final String GROUP = "console-dashboard-test";

    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String A = "dash-" + RUN + "-a";
    static final String B = "dash-" + RUN + "-b";
    static final String C = "dash-" + RUN + "-c";
    static final Instant OCTOBER = Instant.parse("2026-10-05T08:00:00Z");
    static final String OCTOBER_ONLY = "/api/network/dashboard?from=2026-10&to=2026-10";
    static final String ADMIN = TestTokens.token("network-admin", null, "admin");
    static final List<String> SUPPORTERS = new ArrayList<>();
    static boolean seeded;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    BindingsLifecycleController bindings;

    @BeforeEach
    void seedOnce() {
        synchronized (NetworkDashboardTest.class) {
            if (!seeded) {
                seed();
                seeded = true;
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> seededFiguresArrived(hospital(A)));
    }

    /**
     * Lakeside-like A: 12 self, 6 referral, 3 trigger requests; 10 assigned after 10 min … 2000 min (two beyond its
     * 24 h SLA), three of them assigned before their submission arrives; 6 escalated (one twice), 1 withdrawn;
     * 7 check-ins due (one twice); 6 current supporters (one certified twice) and 1 lapsed. B: 10 self, 6 on behalf,
     * 7 referral, 2 trigger, 2 escalated. C: 3 self, 1 referral, 1 trigger.
     */
    static void seed() {
        EventProbe probe = EventProbe.shared();
        long[] minutes = {10, 20, 30, 40, 50, 60, 90, 120, 1500, 2000};
        List<String> aRequests = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            RequestOrigin origin = i < 12 ? RequestOrigin.SELF : i < 18 ? RequestOrigin.REFERRAL : RequestOrigin.TRIGGER;
            String requestId = A + "-r" + i;
            aRequests.add(requestId);
            Instant at = OCTOBER.plus(Duration.ofDays(i));
            RequestSubmitted submitted = EventMother.requestSubmitted(A, requestId, origin, at);
            if (i < 10) {
                SupporterAssigned assigned = EventMother.supporterAssigned(A, requestId, A + "-sup-" + (i % 3),
                        at.plus(Duration.ofMinutes(minutes[i])));
                if (i < 3) {
                    probe.publish(assigned);
                    probe.publish(submitted);
                } else {
                    probe.publish(submitted);
                    probe.publish(assigned);
                }
            } else {
                probe.publish(submitted);
            }
            if (i == 0) {
                probe.publish(submitted);
            }
        }
        for (int i = 12; i < 18; i++) {
            probe.publish(EventMother.matchEscalated(A, aRequests.get(i)));
        }
        probe.publish(EventMother.matchEscalated(A, aRequests.get(12)));
        probe.publish(EventMother.requestWithdrawn(A, aRequests.get(20)));
        for (int c = 0; c < 3; c++) {
            probe.publish(EventMother.checkInDue(A, aRequests.get(c), A + "-sup-" + c, 1));
            probe.publish(EventMother.checkInDue(A, aRequests.get(c), A + "-sup-" + c, 2));
        }
        probe.publish(EventMother.checkInDue(A, aRequests.get(3), A + "-sup-0", 1));
        probe.publish(EventMother.checkInDue(A, aRequests.get(0), A + "-sup-0", 1));
        for (int s = 1; s <= 6; s++) {
            SUPPORTERS.add(A + "-sup-" + s);
            probe.publish(EventMother.supporterCertified(A, A + "-sup-" + s, Instant.now().plus(Duration.ofDays(365))));
        }
        probe.publish(EventMother.supporterCertified(A, A + "-sup-1", Instant.now().plus(Duration.ofDays(400))));
        probe.publish(EventMother.supporterCertified(A, A + "-sup-7", Instant.now().minus(Duration.ofDays(1))));
        seedCases(probe, aRequests, minutes);
        seedPoolLapses(probe);
        seedPulseAndWaitlists(probe);

        int[] bSources = {10, 6, 7, 2};
        RequestOrigin[] origins = {RequestOrigin.SELF, RequestOrigin.ON_BEHALF, RequestOrigin.REFERRAL,
                RequestOrigin.TRIGGER};
        int n = 0;
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < bSources[s]; i++, n++) {
                probe.publish(EventMother.requestSubmitted(B, B + "-r" + n, origins[s],
                        OCTOBER.plus(Duration.ofHours(n))));
            }
        }
        probe.publish(EventMother.matchEscalated(B, B + "-r0"));
        probe.publish(EventMother.matchEscalated(B, B + "-r1"));

        int[] cSources = {3, 0, 1, 1};
        n = 0;
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < cSources[s]; i++, n++) {
                probe.publish(EventMother.requestSubmitted(C, C + "-r" + n, origins[s],
                        OCTOBER.plus(Duration.ofHours(n))));
            }
        }
    }

    /**
     * A's cases. First contact: r0–r4 in time after 5–25 min (r0's twice), r5 late and its clock breached, r6 late
     * after 600 min, r7 breached with no contact yet. Check-ins: 6 completed (r0–r2, numbers 1 and 2; r0's 1 twice),
     * 3 with another outcome (r3, r4, and r6 also missed: its outcome counts), 4 missed (r5's two, r7, r8). Closed
     * r0–r9 (r0 twice), referred r0 (twice), r1, r6, r8, r9 and r11 (never closed).
     */
    static void seedCases(EventProbe probe, List<String> aRequests, long[] minutes) {
        long[] contactMinutes = {5, 10, 15, 20, 25, 30, 600};
        for (int i = 0; i < 7; i++) {
            Instant assignedAt = OCTOBER.plus(Duration.ofDays(i)).plus(Duration.ofMinutes(minutes[i]));
            FirstContactMade contact = EventMother.firstContactMade(A, aRequests.get(i), A + "-sup-0",
                    assignedAt.plus(Duration.ofMinutes(contactMinutes[i])), i < 5);
            probe.publish(contact);
            if (i == 0) {
                probe.publish(contact);
            }
        }
        probe.publish(EventMother.slaBreached(A, aRequests.get(5), A + "-sup-0"));
        probe.publish(EventMother.slaBreached(A, aRequests.get(7), A + "-sup-0"));

        for (int c = 0; c < 3; c++) {
            for (int number = 1; number <= 2; number++) {
                probe.publish(EventMother.checkInRecorded(A, aRequests.get(c), A + "-sup-0", number,
                        CheckInOutcome.COMPLETED));
            }
        }
        probe.publish(EventMother.checkInRecorded(A, aRequests.get(0), A + "-sup-0", 1, CheckInOutcome.COMPLETED));
        probe.publish(EventMother.checkInRecorded(A, aRequests.get(3), A + "-sup-0", 1, CheckInOutcome.NO_ANSWER));
        probe.publish(EventMother.checkInRecorded(A, aRequests.get(4), A + "-sup-0", 1, CheckInOutcome.DECLINED));
        probe.publish(EventMother.checkInMissed(A, aRequests.get(6), A + "-sup-0", 1));
        probe.publish(EventMother.checkInRecorded(A, aRequests.get(6), A + "-sup-0", 1,
                CheckInOutcome.NEEDS_REFERRAL));
        probe.publish(EventMother.checkInMissed(A, aRequests.get(5), A + "-sup-0", 1));
        probe.publish(EventMother.checkInMissed(A, aRequests.get(5), A + "-sup-0", 2));
        probe.publish(EventMother.checkInMissed(A, aRequests.get(7), A + "-sup-0", 1));
        probe.publish(EventMother.checkInMissed(A, aRequests.get(8), A + "-sup-0", 1));

        for (int i : new int[] {0, 0, 1, 6, 8, 9, 11}) {
            probe.publish(EventMother.referralMade(A, aRequests.get(i), A + "-sup-0"));
        }
        for (int i = 0; i < 10; i++) {
            probe.publish(EventMother.caseClosed(A, aRequests.get(i), A + "-sup-0", ClosureReason.BY_SUPPORTER));
        }
        probe.publish(EventMother.caseClosed(A, aRequests.get(0), A + "-sup-0", ClosureReason.BY_SUPPORTER));
    }

    /**
     * A's pool beyond sup-1…7: lapsed by training's event sup-8 (end still ahead), sup-9 (lapse before its
     * certification), sup-10 (lapse only), sup-11 and sup-13 (end passed); sup-12 current again after a lapse of an
     * older certification; sup-14…17 ended with the lapse to come. So 7 current, 5 lapsed, 5 ended, 17 in all.
     */
    static void seedPoolLapses(EventProbe probe) {
        Instant ahead = Instant.now().plus(Duration.ofDays(30));
        probe.publish(EventMother.supporterCertified(A, A + "-sup-8", ahead));
        probe.publish(EventMother.certificationLapsed(A, A + "-sup-8", ahead));
        probe.publish(EventMother.certificationLapsed(A, A + "-sup-9", ahead));
        probe.publish(EventMother.supporterCertified(A, A + "-sup-9", ahead));
        probe.publish(EventMother.certificationLapsed(A, A + "-sup-10", Instant.now().minus(Duration.ofDays(2))));
        for (int s : new int[] {11, 13}) {
            Instant ended = Instant.now().minus(Duration.ofDays(s - 8));
            probe.publish(EventMother.supporterCertified(A, A + "-sup-" + s, ended));
            probe.publish(EventMother.certificationLapsed(A, A + "-sup-" + s, ended));
        }
        probe.publish(EventMother.certificationLapsed(A, A + "-sup-12", Instant.now().minus(Duration.ofDays(100))));
        probe.publish(EventMother.supporterCertified(A, A + "-sup-12", Instant.now().plus(Duration.ofDays(365))));
        for (int s = 14; s <= 17; s++) {
            probe.publish(EventMother.supporterCertified(A, A + "-sup-" + s, Instant.now().minus(Duration.ofDays(1))));
        }
    }

    /**
     * The pulse of October at A: 6 answers (one delivered twice), helpfulness 5, 4, 4, 3, 5, 3, 5 would recommend it,
     * 4 scored distress; one of September's. B: 3 answers. Waitlists: 5 of A's staff promoted in October (one event
     * twice), 2 of B's. Workshops: A ran two in October, 12 of 16 and 8 of 10 seats taken (one event twice), and one
     * in September; B one in October, 3 of 16 seats taken.
     */
    static void seedPulseAndWaitlists(EventProbe probe) {
        int[] helpfulness = {5, 4, 4, 3, 5, 3};
        for (int i = 0; i < helpfulness.length; i++) {
            FeedbackReceived answer = EventMother.feedbackReceived(A, "2026-10", helpfulness[i], i != 3,
                    i < 4 ? 2 : null);
            probe.publish(answer);
            if (i == 0) {
                probe.publish(answer);
            }
        }
        probe.publish(EventMother.feedbackReceived(A, "2026-09", 1, false, 5));
        for (int i = 0; i < 3; i++) {
            probe.publish(EventMother.feedbackReceived(B, "2026-10", 5, true, 1));
        }
        for (int i = 0; i < 5; i++) {
            WaitlistPromoted promoted = EventMother.waitlistPromoted(A, A + "-session-1", A + "-sup-staff-" + i,
                    OCTOBER.plus(Duration.ofDays(i)));
            probe.publish(promoted);
            if (i == 0) {
                probe.publish(promoted);
            }
        }
        for (int i = 0; i < 2; i++) {
            probe.publish(EventMother.waitlistPromoted(B, B + "-session-1", B + "-sup-staff-" + i, OCTOBER));
        }
        SessionStarted workshop = EventMother.sessionStarted(A, A + "-session-1", OCTOBER.plus(Duration.ofDays(2)),
                16, 12);
        probe.publish(workshop);
        probe.publish(workshop);
        probe.publish(EventMother.sessionStarted(A, A + "-session-2", OCTOBER.plus(Duration.ofDays(9)), 10, 8));
        probe.publish(EventMother.sessionStarted(A, A + "-session-0", OCTOBER.minus(Duration.ofDays(9)), 20, 20));
        probe.publish(EventMother.sessionStarted(B, B + "-session-1", OCTOBER.plus(Duration.ofDays(3)), 16, 3));
    }

    /** The last events of each hospital have been counted. */
    boolean seededFiguresArrived(JsonNode a) {
        JsonNode b = hospital(B);
        JsonNode c = hospital(C);
        return a != null && b != null && c != null
                && number(a.get("total").get("requests").get("total")) == 21
                && number(a.get("total").get("assignment").get("assigned")) == 10
                && number(a.get("total").get("checkInsDue")) == 7
                && number(a.get("total").get("escalated")) == 6
                && number(a.get("pool").get("total")) == 17
                && number(a.get("pool").get("lapsed")) == 5
                && number(a.get("total").get("firstContact").get("decided")) == 8
                && number(a.get("total").get("checkIns").get("ended")) == 13
                && number(a.get("total").get("referrals").get("closed")) == 10
                && number(a.get("total").get("referrals").get("referred")) == 5
                && number(a.get("total").get("feedbackPulse").get("answers")) == 6
                && number(a.get("total").get("waitlistPromotions")) == 5
                && number(a.get("total").get("workshopFill").get("seats")) == 26
                && b.get("total").get("workshopFill").get("fill").asString().equals("≤25%")
                && number(b.get("total").get("requests").get("total")) == 25
                && number(c.get("total").get("requests").get("total")) == 5;
    }

    /** A shown count, or -1 for one hidden. */
    private static long number(JsonNode count) {
        return count.isNumber() ? count.asLong() : -1;
    }

    @Test
    void theFiguresAreWhatTheEventsSaidWithSmallCountsHidden() {
        JsonNode a = hospital(A).get("months").get(0);
        assertThat(a.get("month").asString()).isEqualTo("2026-10");
        assertThat(a.get("requests").toString())
                .isEqualTo("{\"self\":12,\"onBehalf\":\"<5\",\"referral\":6,\"trigger\":\"<5\",\"total\":21}");
        assertThat(a.get("assignment").toString()).isEqualTo("{\"assigned\":10,\"withinSla\":\"hidden\","
                + "\"beyondSla\":\"<5\",\"slaCompliance\":\"≥60%\",\"p50Minutes\":50,\"p90Minutes\":1500}");
        assertThat(a.get("escalated").asLong()).as("escalated twice counts once").isEqualTo(6);
        assertThat(a.get("withdrawn").asString()).isEqualTo("<5");
        assertThat(a.get("checkInsDue").asLong()).as("a check-in due twice counts once").isEqualTo(7);
        assertThat(hospital(A).get("pool").toString())
                .isEqualTo("{\"current\":7,\"lapsed\":5,\"ended\":5,\"total\":17}");
        assertThat(hospital(A).get("assignmentSlaMinutes").asLong()).isEqualTo(24 * 60);

        JsonNode b = hospital(B).get("months").get(0);
        assertThat(b.get("feedbackPulse").get("answers").asString()).isEqualTo("<5");
        assertThat(b.get("feedbackPulse").get("averages").get("helpfulness").asString()).isEqualTo("<5");
        assertThat(b.get("waitlistPromotions").asString()).isEqualTo("<5");
        assertThat(b.get("requests").toString()).as("2 trigger requests are not 25 - 10 - 6 - 7")
                .isEqualTo("{\"self\":10,\"onBehalf\":\"hidden\",\"referral\":7,\"trigger\":\"<5\",\"total\":25}");
        assertThat(b.get("assignment").get("p50Minutes").asString()).isEqualTo("<5");
        assertThat(b.get("escalated").asString()).isEqualTo("<5");

        JsonNode c = hospital(C).get("months").get(0);
        assertThat(c.get("requests").toString())
                .isEqualTo("{\"self\":\"<5\",\"onBehalf\":\"<5\",\"referral\":\"<5\",\"trigger\":\"<5\",\"total\":5}");
    }

    @Test
    void theCaseFiguresAreWhatFollowUpsEventsSaid() {
        JsonNode a = hospital(A).get("months").get(0);

        assertThat(a.get("firstContact").toString()).as("7 contacts after 5, 10, 15, 20, 25, 30, 600 min")
                .isEqualTo("{\"decided\":8,\"withinSla\":\"hidden\",\"beyondSla\":\"<5\","
                        + "\"slaCompliance\":\"≥50%\",\"p50Minutes\":20,\"p90Minutes\":600}");
        assertThat(a.get("checkIns").toString()).isEqualTo("{\"completed\":6,\"otherOutcome\":\"<5\","
                + "\"missed\":\"<5\",\"ended\":13,\"completion\":\"46%\"}");
        assertThat(a.get("referrals").toString()).as("a referral of a case not closed is not counted")
                .isEqualTo("{\"closed\":10,\"referred\":5,\"notReferred\":5,\"rate\":\"50%\"}");
        assertThat(a.get("feedbackPulse").toString()).as("September's answer is not October's")
                .isEqualTo("{\"answers\":6,\"wouldRecommend\":\"hidden\",\"recommendShare\":\"≥33%\","
                        + "\"averages\":{\"helpfulness\":\"4.0\",\"distress\":\"<5\","
                        + "\"colleagueSupport\":\"<5\",\"institutionalSupport\":\"<5\","
                        + "\"selfEfficacy\":\"<5\",\"turnoverIntention\":\"<5\"}}");
        assertThat(a.get("waitlistPromotions").asLong()).as("a promotion delivered twice counts once").isEqualTo(5);
        assertThat(a.get("workshopFill").toString()).as("20 of 26 seats; a session delivered twice counts once, "
                + "September's is not October's").isEqualTo("{\"seats\":26,\"seatsTaken\":20,\"fill\":\"77%\"}");
        assertThat(hospital(B).get("months").get(0).get("workshopFill").toString())
                .as("3 seats taken of 16: a small count, and the 13 free hidden with it")
                .isEqualTo("{\"seats\":16,\"seatsTaken\":\"<5\",\"fill\":\"≤25%\"}");
        assertThat(hospital(A).get("total").get("checkIns").toString()).isEqualTo(a.get("checkIns").toString());
    }

    @Test
    void theCsvShowsTheSameHiddenCounts() {
        Api.Response csv = Api.local(port).get("/api/network/dashboard.csv?from=2026-10&to=2026-10", ADMIN);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("hospital,month,figure,value\r\n")
                .contains(A + ",2026-10,requests.self,12\r\n")
                .contains(A + ",2026-10,requests.trigger,<5\r\n")
                .contains(A + ",2026-10,assignment.withinSla,hidden\r\n")
                .contains(A + ",total,requests.total,21\r\n")
                .contains(B + ",2026-10,requests.onBehalf,hidden\r\n")
                .contains(A + ",now,pool.lapsed,5\r\n")
                .contains(A + ",2026-10,checkIns.completion,46%\r\n")
                .contains(A + ",2026-10,feedbackPulse.averages.helpfulness,4.0\r\n")
                .contains(A + ",now,pool.ended,5\r\n")
                .contains(A + ",2026-10,workshopFill.fill,77%\r\n")
                .contains(B + ",2026-10,workshopFill.seatsTaken,<5\r\n")
                .doesNotContain(B + ",2026-10,requests.trigger,2");
    }

    @Test
    void theReadModelHoldsNoRequesterAndNoSupporter() {
        for (String collection : DashboardStore.ALL) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                String json = document.toJson();
                assertThat(json).as(collection).doesNotContain("rq-").doesNotContain("-sup-");
            }
        }
    }

    @Test
    void onlyTheNetworkAdminSeesTheNetwork() {
        Api api = Api.local(port);
        for (String path : List.of(OCTOBER_ONLY, "/api/network/dashboard.csv", "/api/network/dashboard/stream")) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
            assertThat(api.get(path, TestTokens.token("lakeside-staff-1", "lakeside", "staff")).status()).as(path)
                    .isEqualTo(403);
            assertThat(api.get(path, TestTokens.token("lakeside-coordinator", "lakeside", "coordinator")).status())
                    .as(path).isEqualTo(403);
            assertThat(api.get(path, TestTokens.token("lakeside-admin", "lakeside", "admin")).status())
                    .as("an admin of one hospital: " + path).isEqualTo(403);
        }
        assertThat(api.get("/api/network/dashboard/nothing-here", ADMIN).status()).isEqualTo(404);
        assertThat(api.get(OCTOBER_ONLY, ADMIN).status()).isEqualTo(200);
    }

    @Test
    void aBadMonthIsAProblemNamingTheField() {
        Api.Response response = Api.local(port).get("/api/network/dashboard?from=2026-13", ADMIN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains("from");
        assertThat(Api.local(port).get("/api/network/dashboard?from=2026-11&to=2026-10", ADMIN).status())
                .isEqualTo(400);
        assertThat(Api.local(port).get("/api/network/dashboard?from=2020-01&to=2026-10", ADMIN).status())
                .as("more than 24 months").isEqualTo(400);
    }

    @Test
    void aRequestStoredForAnotherHospitalIsNotMovedThereByAnEvent() {
        SupporterAssigned forged = EventMother.supporterAssigned(B, A + "-r15", "x", OCTOBER);
        EventProbe.shared().publish(forged);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.findById(B + ":" + A + "-r15", Document.class, DashboardStore.REQUESTS) != null);
        assertThat(hospital(A).get("total").get("assignment").get("assigned").asLong()).isEqualTo(10);
        assertThat(hospital(B).get("total").get("assignment").get("assigned").asString()).isEqualTo("<5");
    }

    @Test
    void theLiveStreamSendsTheFiguresAndAgainWhenTheyChange() throws Exception {
        String d = "dash-" + RUN + "-d";
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                Api.local(port).request("/api/network/dashboard/stream?from=2026-10&to=2026-10", ADMIN)
                        .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:")
                    && l.contains(A)));
            assertThat(lines).contains("event:dashboard");
            assertThat(lines.stream().filter(l -> l.contains(d))).isEmpty();

            EventProbe.shared().publish(EventMother.requestSubmitted(d, d + "-r0", RequestOrigin.SELF, OCTOBER));

            await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:")
                    && l.contains(d)));
        } finally {
            response.body().close();
        }
    }

    @Test
    void droppedAndReplayedFromTheStartTheReadModelGivesTheSameFigures() throws Exception {
        String before = figures();

        bindings.changeState("dashboardEvents-in-0", BindingsLifecycleController.State.STOPPED);
        try {
            DashboardStore.ALL.forEach(mongo::dropCollection);
            assertThat(hospital(A)).as("the read model is gone").isNull();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedInfrastructure.get().kafkaBootstrap()))) {
                List<String> topics = List.of(Topics.INTAKE, Topics.MATCHING, Topics.FOLLOWUP, Topics.TRAINING);
                Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                    topic.partitions().forEach(p -> earliest.put(new TopicPartition(topic.name(), p.partition()),
                            OffsetSpec.earliest()));
                }
                Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
                admin.listOffsets(earliest).all().get()
                        .forEach((partition, offset) -> start.put(partition, new OffsetAndMetadata(offset.offset())));
                // The group must have left (its consumer closed by the stop) before its offsets may move.
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    admin.alterConsumerGroupOffsets(GROUP, start).all().get();
                    return true;
                });
            }
        } finally {
            bindings.changeState("dashboardEvents-in-0", BindingsLifecycleController.State.STARTED);
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> before.equals(figures()));
    }

    @Test
    void aRealBrowserDrawsTheDashboardFromTheApiOnAPhoneSizedScreen() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assumeTrue(Files.isExecutable(chromium), "Debian's chromium is not installed (.ci/run installs it)");
        // The token travels in the fragment, which no browser sends to a server; the page keeps it for the tab. Live
        // updates off: a browser waiting for its virtual time to pass would wait for ever on an open stream.
        String page = "http://127.0.0.1:" + port + "/dashboard.html?from=2026-10&to=2026-10&live=off#token=" + ADMIN;
        Path screenshot = Path.of("target", "dashboard-phone.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);

        String dom = chromium(chromium, "--dump-dom", page);
        chromium(chromium, "--screenshot=" + screenshot, page);

        // Drawn by dashboard.js under the page's Content-Security-Policy, from the API's figures.
        assertThat(dom).contains("<th scope=\"row\">" + A + "</th>")
                .containsPattern("<canvas id=\"requests-chart\"[^>]* height=\"\\d+\"")
                .contains("&lt;5").contains(">hidden<")
                .contains("Figures as of")
                .contains("77%")
                .doesNotContain(ADMIN);
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    private static String chromium(Path chromium, String what, String page) throws Exception {
        Path profile = Files.createTempDirectory("dashboard-chromium");
        Process browser = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=412,2600", "--hide-scrollbars", "--virtual-time-budget=5000", what, page))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** The October figures of the three seeded hospitals, as the API shows them. */
    private String figures() {
        return Stream.of(A, B, C).map(this::hospital).map(String::valueOf).toList().toString();
    }

    private JsonNode hospital(String hospitalId) {
        Api.Response response = Api.local(port).get(OCTOBER_ONLY, ADMIN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode hospital : response.json().get("hospitals")) {
            if (hospital.get("hospitalId").asString().equals(hospitalId)) {
                return hospital;
            }
        }
        return null;
    }

}
