package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.GroupDebriefSuggested;
import org.peersupport.events.OutreachOffered;
import org.peersupport.events.OutreachOrigin;
import org.peersupport.intake.domain.Outreach;
import org.peersupport.intake.domain.Trigger;
import org.peersupport.intake.persistence.TriggerDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The HTTPS door: a hospital system's trigger becomes one offer per person named, once per hospital event. */
@ServiceTest
class TriggerHttpTest {

    static final EventProbe probe = EventProbe.shared();
    static final String SYSTEM = TestTokens.token("lakeside-system", "lakeside", "hospital-system");
    static final String PATH = "/api/hospitals/lakeside/triggers";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    static List<String> staff(String tag, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "lakeside-" + tag + "-" + i).toList();
    }

    @Test
    void aTriggerOffersSupportToEachPersonNamedOnceAndSuggestsADebriefForATeam() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> named = staff(tag, 4);
        List<String> withRepeat = new java.util.ArrayList<>(named);
        withRepeat.add(named.get(0));

        Api.Response response = Api.local(port).post(PATH, SYSTEM, Triggers.body("AE-" + tag, withRepeat));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String triggerId = response.json().get("triggerId").asString();
        assertThat(triggerId).isEqualTo(Trigger.idFor("lakeside", "AE-" + tag));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> probe.all(OutreachOffered.class,
                e -> e.origin() == OutreachOrigin.TRIGGER && offeredFor(e, triggerId)).size() == 4);
        GroupDebriefSuggested debrief = probe.await(GroupDebriefSuggested.class, e -> e.triggerId().equals(triggerId));
        assertThat(debrief.staffCount()).isEqualTo(4);
        assertThat(debrief.hospitalId()).isEqualTo("lakeside");
        for (String person : named) {
            Api.Response offers = Api.local(port).get("/api/hospitals/lakeside/outreach-offers",
                    TestTokens.token(person, "lakeside", "staff"));
            assertThat(offers.json().size()).as(person).isEqualTo(1);
            assertThat(offers.json().get(0).get("origin").asString()).isEqualTo("TRIGGER");
        }
        String stored = mongo.getCollection(TriggerDocument.COLLECTION).find(new Document("_id", triggerId)).first()
                .toJson();
        assertThat(stored).doesNotContain(named.get(0)).doesNotContain("AE-" + tag);
    }

    /** An offer of this trigger: its id is made of the trigger's and the person's pseudonym, which it carries. */
    static boolean offeredFor(OutreachOffered offer, String triggerId) {
        return offer.offerId().equals(Outreach.triggerOfferId(triggerId, offer.staffRef()));
    }

    @Test
    void theSameHospitalEventTwiceHasOneEffect() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String body = Triggers.body("AE-" + tag, staff(tag, 2));

        String first = Api.local(port).post(PATH, SYSTEM, body).json().get("triggerId").asString();
        String second = Api.local(port).post(PATH, SYSTEM, Triggers.body("AE-" + tag, staff(tag, 3)))
                .json().get("triggerId").asString();

        assertThat(second).isEqualTo(first);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FANNED_OUT".equals(
                mongo.getCollection(TriggerDocument.COLLECTION).find(new Document("_id", first)).first()
                        .getString("status")));
        String third = "lakeside-" + tag + "-3";
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                Api.local(port).get("/api/hospitals/lakeside/outreach-offers",
                        TestTokens.token(third, "lakeside", "staff")).json().size() == 0);
        assertThat(mongo.getCollection(TriggerDocument.COLLECTION).countDocuments(new Document("_id", first)))
                .isEqualTo(1);
    }

    @Test
    void onlyAHospitalSystemOfThatHospitalMayPostATrigger() {
        String body = Triggers.body("AE-" + UUID.randomUUID(), List.of("lakeside-staff-1"));
        long before = mongo.getCollection(TriggerDocument.COLLECTION).countDocuments();

        assertThat(Api.local(port).post(PATH, TestTokens.token("riverside-system", "riverside", "hospital-system"),
                body).status()).isEqualTo(403);
        assertThat(Api.local(port).post(PATH, TestTokens.token("lakeside-coordinator", "lakeside", "coordinator"),
                body).status()).isEqualTo(403);
        assertThat(Api.local(port).post(PATH, TestTokens.token("lakeside-staff-1", "lakeside", "staff"), body)
                .status()).isEqualTo(403);
        assertThat(Api.local(port).post(PATH, null, body).status()).isEqualTo(401);
        assertThat(mongo.getCollection(TriggerDocument.COLLECTION).countDocuments()).isEqualTo(before);
    }

    @Test
    void aBodyNeitherJsonNorFhirIsRefused() {
        String body = Triggers.body("AE-" + UUID.randomUUID(), List.of("lakeside-staff-1"));

        Api.Response text = Api.local(port).post(PATH, SYSTEM, body.getBytes(), "text/plain");

        assertThat(text.status()).isEqualTo(415);
        assertThat(text.isProblem()).isTrue();
    }
}
