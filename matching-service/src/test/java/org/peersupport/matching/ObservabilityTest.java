package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peersupport.matching.MatchingFlowTest.certify;
import static org.peersupport.matching.MatchingFlowTest.hospital;
import static org.peersupport.matching.MatchingFlowTest.probe;
import static org.peersupport.matching.MatchingFlowTest.request;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.OfferMade;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ObservabilityFiles;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What operators see of matching: the time to assignment by hospital (and by nothing that names a person or a
 * request), every metric the dashboard and the alert rules query, and a trace that goes on from the request's event
 * to the offer matching publishes.
 */
@ServiceTest
class ObservabilityTest {

    @Autowired
    MatchingService matching;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PrometheusMeterRegistry prometheus;

    @LocalServerPort
    int port;

    private RequestSubmitted assigned(String hospital, Instant submittedAt, Map<String, String> headers) {
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, Instant.now().plus(Duration.ofDays(365)));
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");
        RequestSubmitted fresh = request(hospital);
        RequestSubmitted request = new RequestSubmitted(fresh.eventId(), submittedAt, hospital, fresh.requestId(),
                fresh.requesterRef(), fresh.requesterRole(), fresh.preferredModality(), fresh.preferredLanguage(),
                fresh.outsideHospitalPreferred());
        probe.publish(request, headers);
        OfferMade offer = probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId()));
        matching.acceptOffer(offer.supporterId(), request.requestId());
        probe.await(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()));
        return request;
    }

    @Test
    void anAssignmentIsTimedFromTheSubmissionByHospitalOnly() {
        String hospital = hospital();
        RequestSubmitted request = assigned(hospital, Instant.now().minus(Duration.ofMinutes(7)), Map.of());

        Timer timer = meters.find("peersupport.matching.time_to_assignment").tag("hospital", hospital).timer();
        assertThat(timer).as("timed for the hospital").isNotNull();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.SECONDS)).isBetween(7 * 60.0, 8 * 60.0);
        for (Meter meter : meters.find("peersupport.matching.time_to_assignment").meters()) {
            assertThat(meter.getId().getTags()).extracting(Tag::getKey).containsOnly("hospital", "service");
        }
        assertThat(prometheus.scrape()).contains("peersupport_matching_time_to_assignment_seconds_bucket")
                .doesNotContain(request.requestId()).doesNotContain(request.requesterRef())
                .doesNotContain(hospital + "-s1");
    }

    @Test
    void everyMetricTheDashboardAndTheAlertRulesQueryIsExported() {
        String hospital = hospital();
        assigned(hospital, Instant.now(), Map.of());
        assertThat(Api.local(port).get("/api/offers", TestTokens.token(hospital + "-s1", hospital, "supporter"))
                .status()).as("an HTTP request, for the HTTP server metrics").isEqualTo(200);

        // The Kafka backlog gauges appear with its first measurement after the bindings started.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ObservabilityFiles.exported(prometheus.scrape()))
                        .as("metrics named in %s and %s", ObservabilityFiles.DASHBOARD, ObservabilityFiles.ALERTS)
                        .containsAll(ObservabilityFiles.expectedOf("matching")));
        assertThat(ObservabilityFiles.expectedOf("matching")).contains("peersupport_matching_time_to_assignment_seconds_bucket",
                "peersupport_dlq_depth", "peersupport_outbox_oldest_age_seconds", "peersupport_consumer_lag");
    }

    private double deadLetterDepth() {
        Gauge gauge = meters.find("peersupport.dlq.depth").tag("group", "matching").gauge();
        return gauge == null ? -1 : gauge.value();
    }

    @Test
    void aDeadLetteredRecordRaisesTheGroupsDeadLetterDepth() {
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterDepth() >= 0);
        double before = deadLetterDepth();

        // A request under intake's type from someone else: untrusted, dead-lettered at once.
        probe.publishAs("/peersupport/training", request(hospital()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterDepth() >= before + 1);
    }

    @Test
    void theTraceOfARequestGoesOnInTheOfferMatchingPublishes() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String hospital = hospital();
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, Instant.now().plus(Duration.ofDays(365)));
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");
        RequestSubmitted request = request(hospital);

        probe.publish(request, Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        OfferMade offer = probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId()));
        String traceparent = EventProbe.header(probe.awaitRecord(offer.eventId()), "traceparent");
        assertThat(traceparent).as("the offer's trace context, stored with it and restored by the relay")
                .startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
    }
}
