package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CrisisFlagged;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.intake.persistence.CrisisFlagDocument;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Crisis is not a queue; and a coordinator records requests for people who phoned, wrote or walked in. */
@ServiceTest
class CrisisAndOnBehalfTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    static String request(String name, String contact, boolean risk) {
        return """
                {"requesterRole":"PHYSICIAN","unit":"ED","reasonCategory":"ADVERSE_EVENT",
                 "preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"%s",%s},"screening":{"riskOfHarmToSelf":%s}}"""
                .formatted(name, contact, risk);
    }

    Api api() {
        return Api.local(port);
    }

    @Test
    void aScreeningThatSignalsRiskReturnsCrisisResourcesAtOnceFlagsTheCoordinatorAndQueuesNothing() {
        String name = "Quinn Crisis-" + System.nanoTime();
        String unit = "CR-" + System.nanoTime() % 100_000_000;
        Api.Response response = api().post("/api/hospitals/lakeside/requests", Staff.fresh("lakeside"),
                request(name, "\"phone\":\"+1 603 555 0171\"", true).replace("\"ED\"", "\"" + unit + "\""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("crisis").asBoolean()).isTrue();
        List<String> phones = response.json().get("resources").valueStream().map(r -> r.get("phone").asString())
                .toList();
        assertThat(phones).startsWith("988", "911").contains("+1 603 555 0100");
        assertThat(response.body()).doesNotContain(name).doesNotContain("reference");

        CrisisFlagged flagged = probe.await(CrisisFlagged.class, e -> e.hospitalId().equals("lakeside")
                && mongo.getCollection(CrisisFlagDocument.COLLECTION).countDocuments(new Document("_id", e.flagId())) == 1
                && flagsOf("lakeside").stream().anyMatch(f -> f.get("flagId").asString().equals(e.flagId())
                        && f.get("name").asString().equals(name)));
        assertThat(mongo.getCollection(CrisisFlagDocument.COLLECTION).find(new Document("_id", flagged.flagId()))
                .first().toJson()).doesNotContain(name).doesNotContain("0171");
        assertThat(mongo.getCollection(RequestDocument.COLLECTION).countDocuments(new Document("unit", unit))).isZero();
        assertThat(probe.all(RequestSubmitted.class, e -> unit.equals(e.unit()))).isEmpty();
        for (var record : probe.records()) {
            assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(name);
        }
    }

    List<JsonNode> flagsOf(String hospital) {
        Api.Response flags = api().get("/api/hospitals/" + hospital + "/crisis-flags", Staff.coordinator(hospital));
        assertThat(flags.status()).isEqualTo(200);
        return flags.json().valueStream().toList();
    }

    @Test
    void onlyTheHospitalsCoordinatorSeesItsCrisisFlagsAndAnyoneOfTheHospitalSeesItsResources() {
        assertThat(api().get("/api/hospitals/lakeside/crisis-flags", Staff.fresh("lakeside")).status()).isEqualTo(403);
        assertThat(api().get("/api/hospitals/lakeside/crisis-flags", Staff.coordinator("riverside")).status())
                .isEqualTo(403);
        Api.Response resources = api().get("/api/hospitals/summit/crisis-resources", Staff.fresh("summit"));
        assertThat(resources.status()).isEqualTo(200);
        assertThat(resources.body()).contains("988").contains("911").contains("Summit Employee Assistance Program");
        assertThat(api().get("/api/hospitals/summit/crisis-resources", Staff.fresh("lakeside")).status())
                .isEqualTo(403);
        assertThat(api().get("/api/hospitals/summit/crisis-resources", null).status()).isEqualTo(401);
    }

    static String onBehalf(String channel, String staffId, String name, String contact) {
        return """
                {"channel":"%s",%s"request":%s}""".formatted(channel,
                staffId == null ? "" : "\"staffId\":\"" + staffId + "\",", request(name, contact, false));
    }

    @Test
    void aCoordinatorRecordsARequestForACallerWhoIsTheSameRequesterWhenTheyAskThemselves() {
        String staffId = Staff.subject("riverside");
        Api.Response recorded = api().post("/api/hospitals/riverside/requests/on-behalf",
                Staff.coordinator("riverside"), onBehalf("PHONE", staffId, "Bo Phoned", "\"phone\":\"+16035550181\""));

        assertThat(recorded.status()).isEqualTo(202);
        String reference = recorded.json().get("reference").asString();
        RequestSubmitted event = probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));
        assertThat(event.origin()).isEqualTo(RequestOrigin.ON_BEHALF);
        assertThat(recorded.json().get("origin").asString()).isEqualTo("ON_BEHALF");

        Api.Response themselves = api().post("/api/hospitals/riverside/requests",
                TestTokens.token(staffId, "riverside", "staff"), request("Bo Phoned", "\"phone\":\"+16035550181\"", false));
        assertThat(themselves.status()).isEqualTo(200);
        assertThat(themselves.json().get("reference").asString()).isEqualTo(reference);
    }

    @Test
    void theSameCallerPhoningTwiceWithoutAStaffIdIsOneOpenRequestByTheirNormalisedContact() {
        String email = "Caller." + System.nanoTime() + "@Example.org";
        Api.Response first = api().post("/api/hospitals/summit/requests/on-behalf", Staff.coordinator("summit"),
                onBehalf("EMAIL", null, "Cy Wrote", "\"email\":\"" + email + "\""));
        Api.Response second = api().post("/api/hospitals/summit/requests/on-behalf", Staff.coordinator("summit"),
                onBehalf("PHONE", null, "Cy Wrote", "\"email\":\"" + email.toLowerCase() + "\""));

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("reference").asString()).isEqualTo(first.json().get("reference").asString());
        String stored = mongo.getCollection(RequestDocument.COLLECTION)
                .find(new Document("_id", first.json().get("reference").asString())).first().toJson();
        assertThat(stored).doesNotContain(email).doesNotContain(email.toLowerCase()).doesNotContain("Cy Wrote");
    }

    @Test
    void onlyACoordinatorOfThatHospitalRecordsOnSomeonesBehalf() {
        String body = onBehalf("WALK_IN", null, "Di Walked", "\"phone\":\"+16035550191\"");

        assertThat(api().post("/api/hospitals/lakeside/requests/on-behalf", Staff.fresh("lakeside"), body).status())
                .isEqualTo(403);
        assertThat(api().post("/api/hospitals/lakeside/requests/on-behalf", Staff.coordinator("riverside"), body)
                .status()).isEqualTo(403);
    }

    @Test
    void aCallerAtRiskRecordedByTheCoordinatorRaisesAFlagNotARequest() {
        String name = "Eve Atrisk-" + System.nanoTime();
        Api.Response response = api().post("/api/hospitals/riverside/requests/on-behalf",
                Staff.coordinator("riverside"), onBehalf("PHONE", null, name, "\"phone\":\"+16035550192\"")
                        .replace("\"riskOfHarmToSelf\":false", "\"riskOfHarmToSelf\":true"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Riverside Employee Assistance Program");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> flagsOf("riverside").stream()
                .anyMatch(f -> f.get("name").asString().equals(name) && f.get("origin").asString().equals("ON_BEHALF")));
    }
}
