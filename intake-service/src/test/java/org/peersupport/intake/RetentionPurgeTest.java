package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.ClosureReason;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.intake.application.ContactSealer;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.intake.persistence.SealedContact;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.peersupport.platform.web.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * After a request ends and its hospital's retention period is over (northfield: 0s, eastbrook: 4s in the test
 * configuration), its durable purge timer destroys the contact's data key and purges the request: nothing that
 * identified the requester is left in any collection of intake's database, and a copy of the ciphertexts taken
 * before (as a backup would hold them) can no longer be opened.
 */
@ServiceTest
class RetentionPurgeTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ContactSealer sealer;

    record Canary(String reference, String requesterRef, String token, List<String> values) {
    }

    Api api() {
        return Api.local(port);
    }

    /** A request whose every identifying value is unique to this test, so finding it anywhere means it leaked. */
    Canary submit(String hospitalId) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Canary Quillon " + tag;
        String phone = "+1 603 555 " + (1000 + Math.abs(tag.hashCode() % 9000));
        String email = "canary." + tag + "@example.org";
        String unit = "CAN-" + tag;
        String token = Staff.fresh(hospitalId);
        Api.Response response = api().post("/api/hospitals/" + hospitalId + "/requests", token, """
                {"requesterRole":"NURSE","unit":"%s","preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"%s","phone":"%s","email":"%s"}}""".formatted(unit, name, phone, email));
        assertThat(response.status()).isEqualTo(202);
        String reference = response.json().get("reference").asString();
        RequestSubmitted submitted = probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));
        Document stored = mongo.getCollection(RequestDocument.COLLECTION).find(new Document("_id", reference)).first();
        Document sealed = stored.get("contact", Document.class);
        List<String> values = new ArrayList<>(List.of(name, phone, email, unit, submitted.requesterRef(),
                sealed.getString("name"), sealed.getString("phone"), sealed.getString("email"),
                sealed.getString("requesterSubject"), stored.getString("fingerprint")));
        Document key = mongo.getCollection("contact_keys").find(new Document("_id", "requests:" + reference)).first();
        values.add(key.getString("wrapped"));
        return new Canary(reference, submitted.requesterRef(), token, values);
    }

    /** Every document of every collection of intake's database, as stored, in which {@code value} occurs. */
    List<String> whereFound(String value) {
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getDb().listCollectionNames()) {
            for (Document document : mongo.getDb().getCollection(collection).find()) {
                if (document.toJson().contains(value)) {
                    found.add(collection + "/" + document.get("_id"));
                }
            }
        }
        return found;
    }

    SealedContact copyOfSealedContact(String reference) {
        return mongo.findById(reference, RequestDocument.class).contact();
    }

    @Test
    void aClosedCaseIsPurgedFromEveryCollectionAndABackupCopyOfItsContactCannotBeOpened() {
        Canary canary = submit("northfield");
        probe.publish(EventMother.supporterAssigned("northfield", canary.reference(), canary.requesterRef(),
                "northfield-supporter-1"));
        String contactPath = "/api/hospitals/northfield/requests/" + canary.reference() + "/contact";
        String supporter = TestTokens.token("northfield-supporter-1", "northfield", "supporter");
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get(contactPath, supporter).status() == 200);
        SealedContact backup = copyOfSealedContact(canary.reference());
        assertThat(whereFound(canary.requesterRef())).as("the canary is there before the purge").isNotEmpty();
        assertThat(whereFound(backup.name())).isNotEmpty();

        CaseClosed closure = EventMother.caseClosed("northfield", canary.reference(), "northfield-supporter-1",
                ClosureReason.BY_SUPPORTER);
        probe.publish(closure);
        CaseDataPurged purged = probe.await(CaseDataPurged.class, e -> e.requestId().equals(canary.reference()),
                Duration.ofSeconds(30));

        assertThat(purged.hospitalId()).isEqualTo("northfield");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String value : canary.values()) {
                assertThat(whereFound(value)).as("documents holding a canary value").isEmpty();
            }
        });
        assertThatThrownBy(() -> sealer.open("northfield", RequestDocument.COLLECTION, canary.reference(), backup))
                .as("the data key is destroyed: a copy of the ciphertexts opens no more")
                .isInstanceOf(NotFoundException.class);
        assertThat(api().get(contactPath, supporter).status()).isEqualTo(404);
        assertThat(api().get("/api/hospitals/northfield/requests/" + canary.reference(), canary.token()).status())
                .as("nothing links the requester to it any more").isEqualTo(404);
        Api.Response left = api().get("/api/hospitals/northfield/requests/" + canary.reference(),
                Staff.coordinator("northfield"));
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(left.json().get("unit").isNull()).isTrue();
    }

    @Test
    void aWithdrawnRequestThatNeverBecameACaseIsPurgedOnceTheRetentionPeriodIsOverNotBefore() {
        Canary canary = submit("eastbrook");
        Instant withdrawnAround = Instant.now();
        api().post("/api/hospitals/eastbrook/requests/" + canary.reference() + "/withdrawal", canary.token(), "");
        probe.await(RequestWithdrawn.class, e -> e.requestId().equals(canary.reference()));

        // The purge waits in platform's durable timers (it survives a restart), due when the retention is over.
        Document timer = await().atMost(Duration.ofSeconds(3)).until(() -> mongo.getCollection("timers")
                .find(new Document("_id", canary.reference() + ":purge")).first(), found -> found != null);
        assertThat(timer.getDate("dueAt").toInstant()).isAfter(withdrawnAround.plusSeconds(3));
        assertThat(probe.all(CaseDataPurged.class, e -> e.requestId().equals(canary.reference())))
                .as("not purged before the hospital's 4 s").isEmpty();
        assertThat(whereFound(canary.requesterRef())).isNotEmpty();

        probe.await(CaseDataPurged.class, e -> e.requestId().equals(canary.reference()), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String value : canary.values()) {
                assertThat(whereFound(value)).as("documents holding a canary value").isEmpty();
            }
        });
        Api.Response again = api().post("/api/hospitals/eastbrook/requests", canary.token(), """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"Back Later","phone":"+16035550198"}}""");
        assertThat(again.status()).isEqualTo(202);
    }

    @Test
    void aClosureNamingAnotherHospitalIsDeadLetteredAndChangesNothing() {
        Canary canary = submit("northfield");
        CaseClosed forged = EventMother.caseClosed("riverside", canary.reference(), "riverside-supporter-1",
                ClosureReason.BY_SUPPORTER);

        probe.publish(forged);

        EventProbe.deadLetters("intake").awaitRecord(forged.eventId());
        assertThat(api().get("/api/hospitals/northfield/requests/" + canary.reference(), canary.token())
                .json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(whereFound(canary.requesterRef())).isNotEmpty();
    }
}
