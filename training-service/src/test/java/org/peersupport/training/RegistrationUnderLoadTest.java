package org.peersupport.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.peersupport.events.WaitlistPromoted;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.peersupport.training.persistence.SessionDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A crowd registering for one session at once, through the HTTP API on the real store: each registration is one
 * conditional update, so exactly the seats and the waitlist places are given out, however the requests interleave.
 */
@ServiceTest
class RegistrationUnderLoadTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aHundredAtOnceGetSixteenSeatsFiveWaitlistPlacesAndTheRestAreRefused() throws Exception {
        Api api = Api.local(port);
        String sessionId = Sessions.schedule(api, "lakeside", "PEER_SUPPORTER_WORKSHOP", "COMMUNITY",
                Instant.now().plus(Duration.ofDays(3)), null, null);
        String[] hospitals = {"lakeside", "riverside", "summit"};
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String hospital = hospitals[i % 3];
            tokens.add(TestTokens.token(hospital + "-crowd-" + i, hospital, "staff"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (String token : tokens) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/sessions/" + sessionId + "/registration", token, "");
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get());
            }
            Map<String, Long> outcomes = responses.stream().map(r -> r.status() == 200
                    ? r.json().get("standing").asString() : r.status() + " " + r.json().get("reason").asString())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("SEATED", 16L, "WAITLISTED", 5L,
                    "409 SESSION_FULL", 79L));
        } finally {
            pool.shutdownNow();
        }

        SessionDocument stored = mongo.findById(sessionId, SessionDocument.class);
        assertThat(stored.toDomain().seated()).hasSize(16).doesNotHaveDuplicates();
        assertThat(stored.toDomain().waitlisted()).hasSize(5).doesNotHaveDuplicates();

        // One seat freed: exactly one person, the first waiting, is promoted and told.
        String firstWaiting = stored.toDomain().waitlisted().get(0);
        String leaving = stored.toDomain().seated().get(3);
        String leavingHospital = leaving.substring(0, leaving.indexOf('/'));
        String leavingToken = TestTokens.token(leaving.substring(leaving.indexOf('/') + 1), leavingHospital,
                "staff");
        assertThat(api.send(api.request("/api/sessions/" + sessionId + "/registration", leavingToken).DELETE()
                .build()).status()).isEqualTo(204);
        assertThat(api.send(api.request("/api/sessions/" + sessionId + "/registration", leavingToken).DELETE()
                .build()).status()).isEqualTo(204);

        WaitlistPromoted promoted = probe.await(WaitlistPromoted.class, e -> e.sessionId().equals(sessionId));
        assertThat(promoted.hospitalId() + "/" + promoted.staffId()).isEqualTo(firstWaiting);
        assertThat(promoted.hostHospitalId()).isEqualTo("lakeside");
        SessionDocument after = mongo.findById(sessionId, SessionDocument.class);
        assertThat(after.toDomain().seated()).hasSize(16).contains(firstWaiting).doesNotContain(leaving);
        assertThat(after.toDomain().waitlisted()).hasSize(4).doesNotContain(firstWaiting);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                probe.all(WaitlistPromoted.class, e -> e.sessionId().equals(sessionId)).size() == 1);
        String promotedToken = TestTokens.token(promoted.staffId(), promoted.hospitalId(), "staff");
        assertThat(api.get("/api/sessions/" + sessionId, promotedToken).json().get("yourStanding").asString())
                .isEqualTo("SEATED");
    }

    @Test
    void seatsCancelledAtOnceEachGoToADifferentPersonWaitingInTurn() throws Exception {
        Api api = Api.local(port);
        String sessionId = Sessions.schedule(api, "riverside", "PEER_SUPPORT_SALON", "HOSPITAL",
                Instant.now().plus(Duration.ofDays(3)), 4, 3);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            people.add("riverside-salon-" + i);
            assertThat(api.post("/api/sessions/" + sessionId + "/registration",
                    TestTokens.token(people.get(i), "riverside", "staff"), "").status()).isEqualTo(200);
        }
        SessionDocument full = mongo.findById(sessionId, SessionDocument.class);
        List<String> waiting = full.toDomain().waitlisted();
        assertThat(waiting).hasSize(3);

        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (String seated : full.toDomain().seated().subList(0, 3)) {
                String token = TestTokens.token(seated.substring(seated.indexOf('/') + 1), "riverside", "staff");
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.send(api.request("/api/sessions/" + sessionId + "/registration", token).DELETE()
                            .build());
                }));
            }
            start.countDown();
            for (Future<Api.Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(20)).until(() ->
                probe.all(WaitlistPromoted.class, e -> e.sessionId().equals(sessionId)).size() == 3);
        assertThat(probe.all(WaitlistPromoted.class, e -> e.sessionId().equals(sessionId)).stream()
                .map(e -> e.hospitalId() + "/" + e.staffId())).containsExactlyInAnyOrderElementsOf(waiting);
        SessionDocument after = mongo.findById(sessionId, SessionDocument.class);
        assertThat(after.toDomain().seated()).hasSize(4).containsAll(waiting);
        assertThat(after.toDomain().waitlisted()).isEmpty();
    }

    @Test
    void aHospitalSessionRefusesAnotherHospitalsStaffAndIsNotShownToThem() {
        Api api = Api.local(port);
        String sessionId = Sessions.schedule(api, "summit", "PEER_SUPPORT_SALON", "HOSPITAL",
                Instant.now().plus(Duration.ofDays(3)), 2, 1);
        String outsider = TestTokens.token("lakeside-staff-1", "lakeside", "staff");

        assertThat(api.post("/api/sessions/" + sessionId + "/registration", outsider, "").status()).isEqualTo(404);
        assertThat(api.post("/api/sessions/" + sessionId + "/registration",
                TestTokens.token("summit-staff-1", "summit", "staff"), "").json().get("standing").asString())
                .isEqualTo("SEATED");
        // Registering again keeps the place it has.
        assertThat(api.post("/api/sessions/" + sessionId + "/registration",
                TestTokens.token("summit-staff-1", "summit", "staff"), "").json().get("standing").asString())
                .isEqualTo("SEATED");

        String coordinator = TestTokens.token("summit-coordinator", "summit", "coordinator");
        var registrations = api.get("/api/hospitals/summit/sessions/" + sessionId + "/registrations", coordinator)
                .json();
        assertThat(registrations.get("seated").findValuesAsString("staffId")).containsExactly("summit-staff-1");
        assertThat(registrations.get("waitlisted").size()).isZero();
        assertThat(api.get("/api/hospitals/summit/sessions/" + sessionId + "/registrations",
                TestTokens.token("summit-staff-1", "summit", "staff")).status()).isEqualTo(403);
        assertThat(api.get("/api/sessions/" + sessionId, outsider).status()).isEqualTo(404);
    }

    /** Scheduling through the coordinator's API. */
    static final class Sessions {

        static String schedule(Api api, String hospital, String course, String audience, Instant startsAt,
                Integer seats, Integer waitlist) {
            String body = "{\"course\":\"" + course + "\",\"startsAt\":\"" + startsAt + "\",\"endsAt\":\""
                    + startsAt.plus(Duration.ofHours(3)) + "\",\"location\":\"Conference room B, " + hospital
                    + "\",\"audience\":\"" + audience + "\""
                    + (seats == null ? "" : ",\"seats\":" + seats)
                    + (waitlist == null ? "" : ",\"waitlistPlaces\":" + waitlist) + "}";
            Api.Response created = api.post("/api/hospitals/" + hospital + "/sessions",
                    TestTokens.token(hospital + "-coordinator", hospital, "coordinator"), body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return created.json().get("sessionId").asString();
        }
    }
}
