package org.peersupport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.events.NotificationSent;
import org.peersupport.notification.persistence.DeliveryDocument;
import org.peersupport.notification.persistence.Preferences;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Once intake purged a request, the notifications naming it (offer, assignment, case notices) are gone from their
 * recipients' inboxes, its email deliveries from its hospital's failure list, and both from every collection of
 * notification's database; others stay.
 */
@ServiceTest
class RequestNoticePurgeTest extends WithProviders {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Preferences lists;

    /** Every document of every collection of notification's database, as stored, in which {@code value} occurs. */
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

    @Test
    void theNotificationsAndDeliveriesNamingAPurgedRequestAreInNoInboxNoFailureListAndNoCollection() {
        String supporter = "lakeside-supporter-" + UUID.randomUUID().toString().substring(0, 6);
        String token = TestTokens.token(supporter, "lakeside", "supporter");
        String purgedRequest = UUID.randomUUID().toString();
        String otherRequest = UUID.randomUUID().toString();
        Api api = Api.local(port);
        Api.Response chosen = api.send(api.request("/api/notification-preferences", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + supporter
                        + "@mail.example.org\",\"channels\":[\"EMAIL\"]}")).build());
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        probe.publish(EventMother.offerMade("lakeside", purgedRequest, supporter));
        probe.publish(EventMother.supporterAssigned("lakeside", purgedRequest, "rq-1", supporter));
        probe.publish(EventMother.caseOpened("lakeside", purgedRequest, supporter));
        probe.publish(EventMother.checkInDue("lakeside", purgedRequest, supporter, 1));
        probe.publish(EventMother.supporterAssigned("lakeside", otherRequest, "rq-2", supporter));
        probe.publish(EventMother.checkInDue("lakeside", otherRequest, supporter, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/notifications", token).json().size() == 6);
        // Every email sent, so no attempt is under way when the purge comes.
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.all(NotificationSent.class,
                e -> e.recipientId().equals(supporter) && e.channel().equals("EMAIL")).size() == 4);
        List<String> deliveries = whereFound(purgedRequest).stream()
                .filter(found -> found.startsWith(DeliveryDocument.COLLECTION + "/"))
                .map(found -> found.substring(DeliveryDocument.COLLECTION.length() + 1)).toList();
        assertThat(deliveries).as("deliveries of the offer, the case opening and the check-in").hasSize(3);
        assertThat(whereFound(purgedRequest)).hasSize(4 + 3);
        // As if the offer's email had reached nobody: the coordinator's failure list names it.
        lists.listFailure("lakeside", deliveries.get(0));

        probe.publish(EventMother.caseDataPurged("lakeside", purgedRequest));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(whereFound(purgedRequest)).as("documents naming the purged request").isEmpty());
        assertThat(lists.failuresOf("lakeside")).doesNotContainAnyElementsOf(deliveries);
        assertThat(api.get("/api/notifications", token).json().findValuesAsString("aboutId"))
                .containsExactly(otherRequest, otherRequest);
        assertThat(whereFound(otherRequest)).filteredOn(found -> found.startsWith(DeliveryDocument.COLLECTION + "/"))
                .hasSize(1);
    }

    @Test
    void aPurgeNamingAnotherHospitalIsDeadLetteredAndChangesNothing() {
        String supporter = "lakeside-supporter-" + UUID.randomUUID().toString().substring(0, 6);
        String requestId = UUID.randomUUID().toString();
        probe.publish(EventMother.supporterAssigned("lakeside", requestId, "rq-1", supporter));
        await().atMost(Duration.ofSeconds(20)).until(() -> whereFound(requestId).size() == 1);
        CaseDataPurged forged = EventMother.caseDataPurged("riverside", requestId);

        probe.publish(forged);

        EventProbe.deadLetters("notification").awaitRecord(forged.eventId());
        assertThat(whereFound(requestId)).hasSize(1);
    }
}
