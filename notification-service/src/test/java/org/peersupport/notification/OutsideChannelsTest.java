package org.peersupport.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.CrisisFlagged;
import org.peersupport.events.NotificationFailed;
import org.peersupport.events.NotificationSent;
import org.peersupport.events.OfferMade;
import org.peersupport.notification.channels.GuardedChannels;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Notification;
import org.peersupport.notification.persistence.PreferencesDocument;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Email and SMS through the real broker: a real SMTP server (GreenMail) and WireMock standing in for the SMS
 * provider, with the breaker tuned small so a test sees it open and close.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class OutsideChannelsTest extends WithProviders {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    GuardedChannels channels;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    private static String person(String kind) {
        return "lakeside-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void choose(String person, String role, String body) {
        Api.Response set = Api.local(port).send(Api.local(port)
                .request("/api/notification-preferences", TestTokens.token(person, "lakeside", role))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void anOfferReachesTheSupportersMailboxOnceWithSignedLinksAndNothingElse() throws Exception {
        String supporter = person("supporter");
        String address = supporter + "@mail.example.org";
        choose(supporter, "supporter", "{\"email\":\"" + address + "\",\"channels\":[\"EMAIL\"]}");
        OfferMade offer = EventMother.offerMade("lakeside", UUID.randomUUID().toString(), supporter);

        probe.publish(offer);
        probe.publish(offer);

        NotificationSent sent = probe.await(NotificationSent.class,
                e -> e.recipientId().equals(supporter) && e.channel().equals("EMAIL"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address).size() == 1);
        MimeMessage mail = mailTo(address).get(0);
        String body = GreenMailUtil.getBody(mail);
        String key = Notification.idFor(offer.eventId(), supporter, Channel.EMAIL);

        assertThat(sent.notificationId()).isEqualTo(key);
        assertThat(mail.getHeader("X-Idempotency-Key")).containsExactly(key);
        assertThat(mail.getMessageID()).contains(key);
        assertThat(mail.getSubject()).isEqualTo("Peer support: a request is offered to you");
        assertThat(body).contains("Accept: http://127.0.0.1:8082/offer-links/").contains("Decline: ")
                .doesNotContain(offer.requestId()).doesNotContain(supporter).doesNotContain("lakeside");
        // A redelivery made no second message, on any channel.
        assertThat(probe.all(NotificationSent.class, e -> e.recipientId().equals(supporter))).hasSize(2);
        assertThat(mailTo(address)).hasSize(1);

        Document stored = mongo.getCollection(PreferencesDocument.COLLECTION).find(new Document("_id", supporter))
                .first();
        assertThat(stored.toJson()).doesNotContain(address).doesNotContain("mail.example.org");
    }

    @Test
    void withTheSmsProviderDownEmailCarriesTheNoticeAndTheBreakerClosesWhenItIsBack(CapturedOutput log) {
        String supporter = person("supporter");
        String address = supporter + "@mail.example.org";
        choose(supporter, "supporter", "{\"email\":\"" + address + "\",\"phone\":\"+1 603 555 0142\","
                + "\"channels\":[\"SMS\",\"EMAIL\"]}");
        String smsOnly = person("supporter");
        choose(smsOnly, "supporter", "{\"phone\":\"+1 603 555 0199\",\"channels\":[\"SMS\"]}");
        String coordinator = person("coordinator");
        String coordinatorAddress = coordinator + "@mail.example.org";
        choose(coordinator, "coordinator", "{\"email\":\"" + coordinatorAddress + "\",\"channels\":[\"EMAIL\"]}");
        smsAnswers(503);
        NotificationFailed failed;
        try {
            CheckInDue first = EventMother.checkInDue("lakeside", UUID.randomUUID().toString(), supporter, 1);
            CheckInDue second = EventMother.checkInDue("lakeside", UUID.randomUUID().toString(), supporter, 2);
            probe.publish(first);
            probe.publish(second);

            await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address).size() == 2);
            assertThat(probe.await(NotificationSent.class, e -> e.notificationId().equals(
                    Notification.idFor(first.eventId(), supporter, Channel.EMAIL))).channel()).isEqualTo("EMAIL");
            assertThat(channels.breakerState(Channel.SMS)).contains(CircuitBreaker.State.OPEN);
            List<LoggedRequest> tried = sms.findAll(postRequestedFor(urlEqualTo("/messages")));
            assertThat(tried).isNotEmpty().allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key"))
                    .isIn(Notification.idFor(first.eventId(), supporter, Channel.SMS),
                            Notification.idFor(second.eventId(), supporter, Channel.SMS)));

            // Someone with SMS alone is not reached: a failure for the coordinator.
            CheckInDue unreachable = EventMother.checkInDue("lakeside", UUID.randomUUID().toString(), smsOnly, 1);
            probe.publish(unreachable);
            failed = probe.await(NotificationFailed.class, e -> e.recipientId().equals(smsOnly));
            assertThat(failed.channelsTried()).containsExactly("SMS");
            Api.Response view = Api.local(port).get("/api/hospitals/lakeside/notification-failures",
                    TestTokens.token(coordinator, "lakeside", "coordinator"));
            assertThat(view.body()).contains(failed.notificationId()).contains("CHECK_IN_DUE")
                    .doesNotContain("555");
            assertThat(Api.local(port).get("/api/hospitals/lakeside/notification-failures",
                    TestTokens.token(supporter, "lakeside", "supporter")).status()).isEqualTo(403);
        } finally {
            smsAnswers(202);
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> channels.breakerState(Channel.SMS).orElseThrow() == CircuitBreaker.State.HALF_OPEN);
        CheckInDue afterwards = EventMother.checkInDue("lakeside", UUID.randomUUID().toString(), supporter, 3);
        probe.publish(afterwards);

        assertThat(probe.await(NotificationSent.class, e -> e.recipientId().equals(supporter)
                && e.notificationId().equals(Notification.idFor(afterwards.eventId(), supporter, Channel.SMS)))
                .channel()).isEqualTo("SMS");
        assertThat(channels.breakerState(Channel.SMS)).contains(CircuitBreaker.State.CLOSED);
        assertThat(mailTo(address)).hasSize(2);
        LoggedRequest delivered = sms.findAll(postRequestedFor(urlEqualTo("/messages"))).stream()
                .filter(r -> r.getHeader("Idempotency-Key").equals(
                        Notification.idFor(afterwards.eventId(), supporter, Channel.SMS)))
                .findFirst().orElseThrow();
        assertThat(delivered.getBodyAsString()).contains("+16035550142").contains("check-in is due")
                .doesNotContain(afterwards.caseId());
        // The test's own SMTP server (GreenMail) logs the mailboxes it creates; the service logs no address.
        String ours = log.getAll().lines().filter(line -> !line.contains("com.icegreen.greenmail"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(ours).contains("SMS provider answered 503")
                .doesNotContain(address).doesNotContain("6035550142").doesNotContain("555 0142");

        // The coordinator tries the failed one again, now that SMS works: it reaches the person, and leaves the list.
        String coordinatorToken = TestTokens.token(coordinator, "lakeside", "coordinator");
        String retry = "/api/hospitals/lakeside/notification-failures/" + failed.notificationId() + "/retry";
        assertThat(Api.local(port).post(retry, coordinatorToken, "").status()).isEqualTo(202);
        assertThat(probe.await(NotificationSent.class, e -> e.recipientId().equals(smsOnly)
                && !e.channel().equals("IN_APP")).channel()).isEqualTo("SMS");
        assertThat(Api.local(port).get("/api/hospitals/lakeside/notification-failures", coordinatorToken).body())
                .doesNotContain(failed.notificationId());
        assertThat(Api.local(port).post(retry, coordinatorToken, "").status()).isEqualTo(409);
        assertThat(Api.local(port).post(retry, TestTokens.token("riverside-coordinator", "riverside", "coordinator"),
                "").status()).isEqualTo(403);

        assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "sms").gauges()).isNotEmpty();
        assertThat(meters.find("resilience4j.retry.calls").tag("name", "sms").functionCounters()).isNotEmpty();
    }

    @Test
    void theHospitalsCoordinatorsAreToldOfAnUrgentFlagByTheirChosenChannel() throws Exception {
        String coordinator = person("coordinator");
        String address = coordinator + "@mail.example.org";
        choose(coordinator, "coordinator", "{\"email\":\"" + address + "\",\"channels\":[\"EMAIL\"],"
                + "\"quietHours\":{\"from\":\"00:00\",\"to\":\"23:59\",\"zone\":\"UTC\"}}");
        CrisisFlagged flag = new CrisisFlagged(UUID.randomUUID().toString(), Instant.now(), "lakeside",
                UUID.randomUUID().toString());

        probe.publish(flag);

        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address).size() == 1);
        assertThat(mailTo(address).get(0).getSubject()).isEqualTo("Peer support: urgent call-back needed");
        assertThat(GreenMailUtil.getBody(mailTo(address).get(0))).doesNotContain(flag.flagId());
        assertThat(Api.local(port).get("/api/notifications", TestTokens.token(coordinator, "lakeside",
                "coordinator")).json().findValuesAsString("kind")).contains("CRISIS_FLAGGED");
    }

    @Test
    void badPreferencesAreRefusedNamingTheFieldNeverTheValue() {
        String supporter = person("supporter");
        Api api = Api.local(port);
        String token = TestTokens.token(supporter, "lakeside", "supporter");

        for (String[] bad : new String[][] {
                {"{\"phone\":\"603-nope\",\"channels\":[\"SMS\"]}", "phone"},
                {"{\"channels\":[\"EMAIL\"]}", "email"},
                {"{\"email\":\"a@b.org\",\"channels\":[\"EMAIL\"],\"quietHours\":{\"from\":\"25:00\",\"to\":\"07:00\","
                        + "\"zone\":\"UTC\"}}", "quietHours.from"},
                {"{\"email\":\"a@b.org\",\"channels\":[\"FAX\"]}", "channels"}}) {
            Api.Response answer = api.send(api.request("/api/notification-preferences", token)
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(bad[0])).build());
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.body()).as(bad[0]).contains(bad[1]).doesNotContain("603-nope");
        }
        assertThat(api.get("/api/notification-preferences", token).status()).isEqualTo(404);
    }
}
