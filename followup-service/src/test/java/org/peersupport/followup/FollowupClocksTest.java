package org.peersupport.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.CheckInMissed;
import org.peersupport.events.CheckInRecorded;
import org.peersupport.events.ClosureReason;
import org.peersupport.events.FirstContactMade;
import org.peersupport.events.SlaBreached;
import org.peersupport.events.SlaClock;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ObservabilityFiles;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.peersupport.platform.timers.TimerStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Each follow-up clock on the real broker and store, under a clock the test moves: the first-contact clock (and its
 * per-hospital and urgent lengths), the check-ins counted from the first contact, a check-in's grace period, the
 * closure after the last one, and a closed case whose timers do nothing. Time is moved past a timer, then the test
 * waits for what the poller does with it; nothing sleeps.
 */
@ServiceTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = {
        "peersupport.followup.first-contact-within=10m",
        "peersupport.followup.urgent-first-contact-within=2m",
        "peersupport.followup.check-in-schedule=20m,40m",
        "peersupport.followup.check-in-grace=5m",
        "peersupport.followup.hospitals.riverside.first-contact-within=3m"})
class FollowupClocksTest {

    static final EventProbe probe = EventProbe.shared();
    static final String SUPPORTER = "lakeside-supporter-1";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    TimerStore timers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PrometheusMeterRegistry prometheus;

    private String supporterToken() {
        return TestTokens.token(SUPPORTER, "lakeside", "supporter");
    }

    private String opened(String hospital, boolean urgent) {
        String caseId = UUID.randomUUID().toString();
        probe.publish(new SupporterAssigned(UUID.randomUUID().toString(), clock.instant(), hospital, caseId, "rq-c",
                hospital + "-supporter-1", urgent));
        probe.await(CaseOpened.class, e -> e.caseId().equals(caseId));
        return caseId;
    }

    private Api.Response post(String path, String token, String body) {
        return Api.local(port).post(path, token, body);
    }

    private JsonNode stored(String caseId) {
        return Api.local(port).get("/api/hospitals/lakeside/cases/" + caseId, supporterToken()).json();
    }

    /** Once the timer is scheduled, moves the clock past its due time and waits until the poller has fired it. */
    private void passTimer(String timerId, Duration by) {
        awaitTimer(timerId);
        clock.advance(by);
        await().atMost(Duration.ofSeconds(20)).until(() -> timers.find(timerId).isEmpty());
    }

    private void awaitTimer(String timerId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> timers.find(timerId).isPresent());
    }

    @Test
    void theFirstContactClockRunsOutToTheCoordinatorAndALateContactStillCountsAsLate() {
        String caseId = opened("lakeside", false);
        awaitTimer(caseId + ":first-contact");

        passTimer(caseId + ":first-contact", Duration.ofMinutes(10));

        SlaBreached breached = probe.await(SlaBreached.class, e -> e.caseId().equals(caseId));
        assertThat(breached.clock()).isEqualTo(SlaClock.FIRST_CONTACT);
        assertThat(breached.supporterId()).isEqualTo(SUPPORTER);
        assertThat(post("/api/hospitals/lakeside/cases/" + caseId + "/first-contact", supporterToken(), "")
                .status()).isEqualTo(200);
        assertThat(probe.await(FirstContactMade.class, e -> e.caseId().equals(caseId)).inTime()).isFalse();
    }

    private double breaches(String hospital) {
        Counter counter = meters.find("peersupport.followup.sla_breaches").tag("hospital", hospital).counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer firstContacts(String hospital) {
        return meters.find("peersupport.followup.time_to_first_contact").tag("hospital", hospital).timer();
    }

    @Test
    void aBreachAndAFirstContactAreMeasuredByHospitalAndByNothingThatNamesACaseOrAPerson() {
        double breachesBefore = breaches("riverside");
        String caseId = opened("riverside", false);
        passTimer(caseId + ":first-contact", Duration.ofMinutes(3));
        probe.await(SlaBreached.class, e -> e.caseId().equals(caseId));
        await().atMost(Duration.ofSeconds(10)).until(() -> breaches("riverside") == breachesBefore + 1);
        long contactsBefore = firstContacts("riverside") == null ? 0 : firstContacts("riverside").count();
        double timeBefore = firstContacts("riverside") == null ? 0
                : firstContacts("riverside").totalTime(TimeUnit.SECONDS);

        assertThat(post("/api/hospitals/riverside/cases/" + caseId + "/first-contact",
                TestTokens.token("riverside-supporter-1", "riverside", "supporter"), "").status()).isEqualTo(200);

        assertThat(firstContacts("riverside").count()).isEqualTo(contactsBefore + 1);
        assertThat(firstContacts("riverside").totalTime(TimeUnit.SECONDS) - timeBefore)
                .as("the clock moved 3 minutes between the opening and the contact").isGreaterThanOrEqualTo(180);
        for (String name : new String[] {"peersupport.followup.sla_breaches", "peersupport.followup.time_to_first_contact"}) {
            for (Meter meter : meters.find(name).meters()) {
                assertThat(meter.getId().getTags()).extracting(Tag::getKey).isSubsetOf("hospital", "clock", "service");
            }
        }
        assertThat(prometheus.scrape()).contains("peersupport_followup_sla_breaches_total{")
                .doesNotContain(caseId).doesNotContain("riverside-supporter-1");
    }

    @Test
    void everyMetricTheDashboardAndTheAlertRulesQueryIsExported() {
        String caseId = opened("lakeside", false);
        passTimer(caseId + ":first-contact", Duration.ofMinutes(10));
        probe.await(SlaBreached.class, e -> e.caseId().equals(caseId));
        post("/api/hospitals/lakeside/cases/" + caseId + "/first-contact", supporterToken(), "");
        probe.await(FirstContactMade.class, e -> e.caseId().equals(caseId));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ObservabilityFiles.exported(prometheus.scrape()))
                        .as("metrics named in %s and %s", ObservabilityFiles.DASHBOARD, ObservabilityFiles.ALERTS)
                        .containsAll(ObservabilityFiles.expectedOf("followup")));
        assertThat(ObservabilityFiles.expectedOf("followup")).contains("peersupport_followup_sla_breaches_total",
                "peersupport_followup_time_to_first_contact_seconds_bucket", "peersupport_outbox_parked");
    }

    @Test
    void aFirstContactInTimeStopsTheClock() {
        String caseId = opened("lakeside", false);
        awaitTimer(caseId + ":first-contact");
        clock.advance(Duration.ofMinutes(3));

        assertThat(post("/api/hospitals/lakeside/cases/" + caseId + "/first-contact", supporterToken(), "")
                .status()).isEqualTo(200);
        passTimer(caseId + ":first-contact", Duration.ofMinutes(8));

        assertThat(probe.await(FirstContactMade.class, e -> e.caseId().equals(caseId)).inTime()).isTrue();
        assertThat(stored(caseId).get("slaBreached").asBoolean()).isFalse();
        assertThat(probe.all(SlaBreached.class, e -> e.caseId().equals(caseId))).isEmpty();
    }

    @Test
    void theFirstContactClockIsTheHospitalsOwnAndShorterWhenUrgent() {
        String routineId = opened("lakeside", false);
        String riversideId = opened("riverside", false);
        String urgentId = opened("lakeside", true);
        CaseOpened routine = probe.await(CaseOpened.class, e -> e.caseId().equals(routineId));
        CaseOpened riverside = probe.await(CaseOpened.class, e -> e.caseId().equals(riversideId));
        CaseOpened urgent = probe.await(CaseOpened.class, e -> e.caseId().equals(urgentId));

        assertThat(Duration.between(routine.occurredAt(), routine.firstContactDueAt())).isEqualTo(Duration.ofMinutes(10));
        assertThat(Duration.between(riverside.occurredAt(), riverside.firstContactDueAt()))
                .isEqualTo(Duration.ofMinutes(3));
        assertThat(Duration.between(urgent.occurredAt(), urgent.firstContactDueAt())).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void checkInsFallDueFromTheFirstContactAreMissedWithoutOutcomeAndTheLastOneClosesTheCase() {
        String caseId = opened("lakeside", false);
        String base = "/api/hospitals/lakeside/cases/" + caseId;
        post(base + "/first-contact", supporterToken(), "");
        FirstContactMade contact = probe.await(FirstContactMade.class, e -> e.caseId().equals(caseId));
        awaitTimer(caseId + ":check-in:1");

        passTimer(caseId + ":check-in:1", Duration.ofMinutes(20));
        CheckInDue first = probe.await(CheckInDue.class, e -> e.caseId().equals(caseId) && e.checkInNumber() == 1);
        assertThat(first.occurredAt()).isAfterOrEqualTo(contact.occurredAt().plus(Duration.ofMinutes(20)));
        assertThat(post(base + "/check-ins/1", supporterToken(), "{\"outcome\":\"COMPLETED\"}").status())
                .isEqualTo(200);
        probe.await(CheckInRecorded.class, e -> e.caseId().equals(caseId) && e.checkInNumber() == 1);
        awaitTimer(caseId + ":check-in-grace:1");
        passTimer(caseId + ":check-in-grace:1", Duration.ofMinutes(5));
        assertThat(stored(caseId).get("checkIns").get(0).get("missed").asBoolean()).isFalse();

        passTimer(caseId + ":check-in:2", Duration.ofMinutes(15));
        probe.await(CheckInDue.class, e -> e.caseId().equals(caseId) && e.checkInNumber() == 2);
        awaitTimer(caseId + ":check-in-grace:2");
        passTimer(caseId + ":check-in-grace:2", Duration.ofMinutes(5));

        CheckInMissed missed = probe.await(CheckInMissed.class, e -> e.caseId().equals(caseId));
        assertThat(missed.checkInNumber()).isEqualTo(2);
        CaseClosed closed = probe.await(CaseClosed.class, e -> e.caseId().equals(caseId));
        assertThat(closed.reason()).isEqualTo(ClosureReason.AFTER_LAST_CHECK_IN);
        assertThat(probe.all(CheckInMissed.class, e -> e.caseId().equals(caseId))).hasSize(1);
        assertThat(stored(caseId).get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void aClosedCasesPendingTimersDoNothingWhenTheyFire() {
        String caseId = opened("lakeside", false);
        String base = "/api/hospitals/lakeside/cases/" + caseId;
        post(base + "/first-contact", supporterToken(), "");
        awaitTimer(caseId + ":check-in:1");

        Api.Response closure = post(base + "/closure", supporterToken(), "");
        assertThat(closure.status()).isEqualTo(200);
        assertThat(probe.await(CaseClosed.class, e -> e.caseId().equals(caseId)).reason())
                .isEqualTo(ClosureReason.BY_SUPPORTER);
        passTimer(caseId + ":first-contact", Duration.ofMinutes(10));
        passTimer(caseId + ":check-in:1", Duration.ofMinutes(10));

        assertThat(stored(caseId).get("checkInsDue").asInt()).isZero();
        assertThat(probe.all(CheckInDue.class, e -> e.caseId().equals(caseId))).isEmpty();
        assertThat(probe.all(SlaBreached.class, e -> e.caseId().equals(caseId))).isEmpty();
        assertThat(timers.find(caseId + ":check-in-grace:1")).isEmpty();
    }
}
