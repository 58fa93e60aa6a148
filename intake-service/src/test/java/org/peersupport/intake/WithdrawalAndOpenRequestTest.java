package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ReasonCategory;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SupporterGender;
import org.peersupport.events.Urgency;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A request for oneself with what programs ask, withdrawn at any time, and never two open at once. */
@ServiceTest
class WithdrawalAndOpenRequestTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    static String body(String name) {
        return """
                {"requesterRole":"NURSE","unit":"ICU-4","reasonCategory":"PATIENT_DEATH","urgency":"TODAY",
                 "preferredModality":"PHONE","preferredLanguage":"en","sameRolePreferred":true,
                 "outsideUnitPreferred":true,"outsideHospitalPreferred":false,"supporterGender":"WOMAN",
                 "contact":{"name":"%s","phone":"+16035550161"},"contactMethod":"TEXT","contactWindow":"EVENING",
                 "screening":{"riskOfHarmToSelf":false}}""".formatted(name);
    }

    Api api() {
        return Api.local(port);
    }

    long storedFor(String requesterRef) {
        return mongo.getCollection(RequestDocument.COLLECTION).countDocuments(new Document("requesterRef", requesterRef));
    }

    @Test
    void preferencesTheRequesterLeftUnsaidTravelAsUnsaidSoMatchingAppliesTheProgramsDefaults() {
        Api.Response response = api().post("/api/hospitals/lakeside/requests", Staff.fresh("lakeside"), """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"Una Said","phone":"+16035550162"}}""");

        assertThat(response.status()).isEqualTo(202);
        String reference = response.json().get("reference").asString();
        RequestSubmitted event = probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));
        assertThat(event.sameRolePreferred()).isNull();
        assertThat(event.outsideUnitPreferred()).isNull();
    }

    @Test
    void whatTheProgramsAskTravelsOnRequestSubmittedAndTheContactPreferenceStaysSealed() {
        Api.Response response = api().post("/api/hospitals/lakeside/requests", Staff.fresh("lakeside"),
                body("Nell Prefers"));

        assertThat(response.status()).isEqualTo(202);
        String reference = response.json().get("reference").asString();
        assertThat(response.json().get("unit").asString()).isEqualTo("ICU-4");
        RequestSubmitted event = probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));
        assertThat(event.unit()).isEqualTo("ICU-4");
        assertThat(event.reasonCategory()).isEqualTo(ReasonCategory.PATIENT_DEATH);
        assertThat(event.urgency()).isEqualTo(Urgency.TODAY);
        assertThat(event.sameRolePreferred()).isTrue();
        assertThat(event.outsideUnitPreferred()).isTrue();
        assertThat(event.supporterGender()).isEqualTo(SupporterGender.WOMAN);
        assertThat(event.origin()).isEqualTo(RequestOrigin.SELF);
        String stored = mongo.getCollection(RequestDocument.COLLECTION).find(new Document("_id", reference)).first()
                .toJson();
        assertThat(stored).doesNotContain("TEXT").doesNotContain("EVENING").doesNotContain("Nell");
    }

    @Test
    void theRequesterWithdrawsOnceAndASecondWithdrawalChangesNothing() {
        String token = Staff.fresh("lakeside");
        String reference = api().post("/api/hospitals/lakeside/requests", token, body("Wren Away")).json()
                .get("reference").asString();
        String path = "/api/hospitals/lakeside/requests/" + reference + "/withdrawal";

        Api.Response first = api().post(path, token, "");
        Api.Response second = api().post(path, token, "");

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("status").asString()).isEqualTo("WITHDRAWN");
        probe.await(RequestWithdrawn.class, e -> e.requestId().equals(reference));
        assertThat(probe.all(RequestWithdrawn.class, e -> e.requestId().equals(reference))).hasSize(1);
    }

    @Test
    void aWithdrawnRequestIsNeverAssignedAgain() {
        String token = Staff.fresh("lakeside");
        String reference = api().post("/api/hospitals/lakeside/requests", token, body("Ash Late")).json()
                .get("reference").asString();
        RequestSubmitted submitted = probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));
        api().post("/api/hospitals/lakeside/requests/" + reference + "/withdrawal", token, "");

        var late = EventMother.supporterAssigned("lakeside", reference, submitted.requesterRef(), "lakeside-supporter-1");
        probe.publish(late);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> mongo
                .getCollection(RequestDocument.COLLECTION).find(new Document("_id", reference)).first()
                .getList("handled", String.class, List.of()).contains(late.eventId()));
        Api.Response status = api().get("/api/hospitals/lakeside/requests/" + reference, token);
        assertThat(status.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(status.json().get("assignedAt").isNull()).isTrue();
    }

    @Test
    void theCoordinatorMayWithdrawAnotherStaffMemberMayNotAndAnotherHospitalIsRefused() {
        String reference = api().post("/api/hospitals/summit/requests", Staff.fresh("summit"), body("Rue Coord"))
                .json().get("reference").asString();
        String path = "/api/hospitals/summit/requests/" + reference + "/withdrawal";

        assertThat(api().post(path, Staff.fresh("summit"), "").status()).isEqualTo(404);
        assertThat(api().post(path, TestTokens.token("riverside-coordinator", "riverside", "coordinator"), "")
                .status()).isEqualTo(403);
        assertThat(api().post(path, Staff.coordinator("summit"), "").status()).isEqualTo(202);
    }

    @Test
    void aSecondSubmissionWhileOneIsOpenReturnsTheFirstAndAfterWithdrawalANewOneIsMade() {
        String token = Staff.fresh("riverside");
        Api.Response first = api().post("/api/hospitals/riverside/requests", token, body("Kit Twice"));
        String reference = first.json().get("reference").asString();
        RequestSubmitted submitted = probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));

        Api.Response second = api().post("/api/hospitals/riverside/requests", token,
                body("Kit Twice").replace("ICU-4", "ED"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("reference").asString()).isEqualTo(reference);
        assertThat(second.json().get("alreadyOpen").asBoolean()).isTrue();
        assertThat(second.json().get("unit").asString()).isEqualTo("ICU-4");
        assertThat(storedFor(submitted.requesterRef())).isEqualTo(1);

        api().post("/api/hospitals/riverside/requests/" + reference + "/withdrawal", token, "");
        Api.Response third = api().post("/api/hospitals/riverside/requests", token, body("Kit Twice"));

        assertThat(third.status()).isEqualTo(202);
        assertThat(third.json().get("reference").asString()).isNotEqualTo(reference);
        assertThat(storedFor(submitted.requesterRef())).isEqualTo(2);
    }

    @Test
    void concurrentSubmissionsOfOneCallerMakeExactlyOneRequest() throws Exception {
        String subject = Staff.subject("lakeside");
        String token = TestTokens.token(subject, "lakeside", "staff");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Api.Response>> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "Concurrent " + i;
            posts.add(() -> api().post("/api/hospitals/lakeside/requests", token, body(name)));
        }
        List<Api.Response> answers = new ArrayList<>();
        try {
            for (Future<Api.Response> answer : pool.invokeAll(posts)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).filteredOn(r -> r.status() == 202).hasSize(1);
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(200, 202, 409));
        Set<String> references = new java.util.HashSet<>();
        answers.stream().filter(r -> r.status() != 409).forEach(r -> references.add(r.json().get("reference").asString()));
        assertThat(references).hasSize(1);
        String reference = references.iterator().next();
        RequestSubmitted submitted = probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));
        assertThat(storedFor(submitted.requesterRef())).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIsRefusedWith422AndNothingMore() {
        String token = Staff.fresh("lakeside");
        String key = "key-" + UUID.randomUUID();
        HttpRequest first = api().request("/api/hospitals/lakeside/requests", token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body("Ida Key"))).build();
        HttpRequest other = api().request("/api/hospitals/lakeside/requests", token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body("Ida Key").replace("PATIENT_DEATH", "BURNOUT")))
                .build();

        Api.Response made = api().send(first);
        Api.Response again = api().send(first);
        Api.Response refused = api().send(other);

        assertThat(made.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("reference").asString()).isEqualTo(made.json().get("reference").asString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains("'Idempotency-Key'");
        String stored = mongo.getCollection(RequestDocument.COLLECTION)
                .find(new Document("_id", made.json().get("reference").asString())).first().toJson();
        assertThat(stored).contains("\"fingerprint\": \"fp-").doesNotContain("Ida Key");
    }
}
