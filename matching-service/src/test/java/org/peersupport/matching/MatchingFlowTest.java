package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.Modality;
import org.peersupport.events.OfferMade;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.SupporterCertified;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.SharedInfrastructure;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The flow through one matching instance: each request is offered, and the supporter who gets the offer accepts it
 * (as they would through the API). Retry timers are set far off, so an escalated request that gets offered here was
 * offered at once when a supporter appeared. The context is closed afterwards: a cached one would keep
 * consuming as group {@code matching} beside the contexts of the other tests.
 */
@ServiceTest
@TestPropertySource(properties = "peersupport.matching.retry-first-delay=10m")
@DirtiesContext
class MatchingFlowTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    @Autowired
    MatchingService matching;

    static String hospital() {
        return "h" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void certify(String hospital, String supporterId, ClinicalRole role, Instant until) {
        certify(hospital, supporterId, role, until, 3);
    }

    static void certify(String hospital, String supporterId, ClinicalRole role, Instant until, int capacity) {
        probe.publish(new SupporterCertified(UUID.randomUUID().toString(), Instant.now(), hospital, supporterId, role,
                List.of("en"), List.of(Modality.PHONE), capacity, until));
    }

    /** Waits until group {@code matching} has committed every record the topic holds now, i.e. has handled them. */
    static void awaitAllHandled(String topic) {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafkaBootstrap()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("matching")
                        .partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
            });
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSubmitted request(String hospital) {
        return new RequestSubmitted(UUID.randomUUID().toString(), Instant.now(), hospital,
                UUID.randomUUID().toString(), "rq-" + UUID.randomUUID(), ClinicalRole.NURSE, Modality.PHONE, "en",
                false);
    }

    /** Waits for the request's offer and lets its supporter accept it; the assignment that follows. */
    static SupporterAssigned acceptOffer(MatchingService matching, RequestSubmitted request) {
        OfferMade offer = probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId()));
        matching.acceptOffer(offer.supporterId(), request.requestId());
        return probe.await(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()));
    }

    void awaitPool(String hospital, int size) {
        String token = TestTokens.token(hospital + "-coordinator", hospital, "coordinator");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = Api.local(port).get("/api/hospitals/" + hospital + "/pool", token);
            return response.status() == 200 && response.json().size() == size;
        });
    }

    void awaitLoad(String hospital, String supporterId, int activeCases) {
        String token = TestTokens.token(hospital + "-coordinator", hospital, "coordinator");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.local(port).get("/api/hospitals/" + hospital + "/pool", token).json().valueStream()
                        .filter(entry -> entry.get("supporterId").asString().equals(supporterId))
                        .map(entry -> entry.get("activeCases").asInt()))
                .containsExactly(activeCases));
    }

    @Test
    void requestsAreSpreadOverTheLeastLoadedCurrentSupporters() {
        String hospital = hospital();
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, Instant.now().plusSeconds(86_400));
        certify(hospital, hospital + "-s2", ClinicalRole.NURSE, Instant.now().plusSeconds(86_400));
        certify(hospital, hospital + "-lapsed", ClinicalRole.NURSE, Instant.now().minusSeconds(60));
        awaitPool(hospital, 3);

        RequestSubmitted first = request(hospital);
        probe.publish(first);
        SupporterAssigned firstAssigned = acceptOffer(matching, first);
        RequestSubmitted second = request(hospital);
        probe.publish(second);
        SupporterAssigned secondAssigned = acceptOffer(matching, second);

        assertThat(List.of(firstAssigned.supporterId(), secondAssigned.supporterId()))
                .containsExactlyInAnyOrder(hospital + "-s1", hospital + "-s2");
        assertThat(firstAssigned.requesterRef()).isEqualTo(first.requesterRef());
    }

    @Test
    void aRedeliveredRequestIsNotAssignedTwice() {
        String hospital = hospital();
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, Instant.now().plusSeconds(86_400));
        awaitPool(hospital, 1);
        RequestSubmitted request = request(hospital);

        probe.publish(request);
        acceptOffer(matching, request);
        probe.publish(request);
        // Not a marker on some other partition, which may be answered before the copy is even read.
        awaitAllHandled("peersupport.intake.v1");

        assertThat(probe.all(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()))).hasSize(1);
        assertThat(probe.all(OfferMade.class, e -> e.requestId().equals(request.requestId()))).hasSize(1);
        awaitLoad(hospital, hospital + "-s1", 1);
    }

    @Test
    void aRequestWithNoEligibleSupporterIsEscalated() {
        String hospital = hospital();
        RequestSubmitted request = request(hospital);

        probe.publish(request);

        MatchEscalated escalated = probe.await(MatchEscalated.class, e -> e.requestId().equals(request.requestId()));
        assertThat(escalated.reason()).isEqualTo("NO_ELIGIBLE_SUPPORTER");
        assertThat(probe.all(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()))).isEmpty();
    }

    @Test
    void anEscalatedRequestIsOfferedByItselfOnceAFittingSupporterIsCertified() {
        String hospital = hospital();
        RequestSubmitted request = request(hospital);
        probe.publish(request);
        probe.await(MatchEscalated.class, e -> e.requestId().equals(request.requestId()));

        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, Instant.now().plusSeconds(86_400));

        SupporterAssigned assigned = acceptOffer(matching, request);
        assertThat(assigned.supporterId()).isEqualTo(hospital + "-s1");
        assertThat(assigned.requesterRef()).isEqualTo(request.requesterRef());
        assertThat(probe.all(MatchEscalated.class, e -> e.requestId().equals(request.requestId()))).hasSize(1);
        awaitLoad(hospital, hospital + "-s1", 1);
    }

    @Test
    void theOldestWaitingRequestIsOfferedTheFirstFreePlace() {
        String hospital = hospital();
        RequestSubmitted older = request(hospital);
        probe.publish(older);
        probe.await(MatchEscalated.class, e -> e.requestId().equals(older.requestId()));
        RequestSubmitted newer = request(hospital);
        probe.publish(newer);
        probe.await(MatchEscalated.class, e -> e.requestId().equals(newer.requestId()));

        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, Instant.now().plusSeconds(86_400), 1);
        acceptOffer(matching, older);
        certify(hospital, hospital + "-s2", ClinicalRole.NURSE, Instant.now().plusSeconds(86_400), 1);

        SupporterAssigned second = acceptOffer(matching, newer);
        assertThat(second.supporterId()).isEqualTo(hospital + "-s2");
        // An open offer counts against capacity: s1 (capacity 1) was never offered the newer request as well.
        assertThat(probe.all(OfferMade.class, e -> e.requestId().equals(newer.requestId())))
                .singleElement().extracting(OfferMade::supporterId).isEqualTo(hospital + "-s2");
        assertThat(probe.all(SupporterAssigned.class, e -> e.requestId().equals(older.requestId())))
                .singleElement().extracting(SupporterAssigned::supporterId).isEqualTo(hospital + "-s1");
    }

    @Test
    void aLapsedSupporterDoesNotTakeAWaitingRequest() {
        String hospital = hospital();
        RequestSubmitted request = request(hospital);
        probe.publish(request);
        probe.await(MatchEscalated.class, e -> e.requestId().equals(request.requestId()));

        certify(hospital, hospital + "-lapsed", ClinicalRole.NURSE, Instant.now().minusSeconds(60));
        awaitPool(hospital, 1);
        certify(hospital, hospital + "-current", ClinicalRole.NURSE, Instant.now().plusSeconds(86_400));

        SupporterAssigned assigned = acceptOffer(matching, request);
        assertThat(assigned.supporterId()).isEqualTo(hospital + "-current");
    }

    @Test
    void aRecordThatCannotBeDecodedGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        try (EventProbe dlq = new EventProbe(SharedInfrastructure.get().kafkaBootstrap(),
                "peersupport.dlq.matching")) {
            probe.publishRaw("peersupport.intake.v1", key, "{not json".getBytes(),
                    java.util.Map.of("ce_type", "peersupport.request.submitted.v1", "ce_id", key,
                            "ce_specversion", "1.0", "ce_source", "/peersupport/intake", "ce_subject", key));

            await().atMost(Duration.ofSeconds(30)).until(() -> dlq.records().stream()
                    .anyMatch(r -> key.equals(EventProbe.header(r, "ce_id"))));
        }
    }

    @Test
    void thePoolIsOnlyShownToTheHospitalsOwnCoordinator() {
        String hospital = hospital();
        var api = Api.local(port);

        assertThat(api.get("/api/hospitals/" + hospital + "/pool",
                TestTokens.token("x-coordinator", "other", "coordinator")).status()).isEqualTo(403);
        assertThat(api.get("/api/hospitals/" + hospital + "/pool",
                TestTokens.token("x-staff", hospital, "staff")).status()).isEqualTo(403);
        assertThat(api.get("/api/hospitals/" + hospital + "/pool", null).status()).isEqualTo(401);
    }

    /**
     * The race a hospital's first supporter and a request run at start-up: the request is answered (nobody yet, so it
     * escalates) on one consumer thread while the supporter is certified on another. Whichever way they interleave,
     * the request ends offered to them at once, never left waiting for its retry timer (10 minutes off here).
     */
    @Test
    void aRequestAnsweredWhileItsHospitalsFirstSupporterIsCertifiedIsOfferedToThem() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 60; round++) {
                String hospital = hospital();
                String supporter = hospital + "-s1";
                RequestSubmitted request = new RequestSubmitted(UUID.randomUUID().toString(), Instant.now(), hospital,
                        UUID.randomUUID().toString(), "rq-" + UUID.randomUUID(), ClinicalRole.NURSE, Modality.PHONE,
                        "en", false);
                SupporterCertified certified = new SupporterCertified(UUID.randomUUID().toString(), Instant.now(),
                        hospital, supporter, ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 3,
                        Instant.now().plus(Duration.ofDays(365)));
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> answered = threads.submit(() -> {
                    together.await();
                    matching.onRequestSubmitted(request);
                    return null;
                });
                Future<?> certifiedNow = threads.submit(() -> {
                    together.await();
                    matching.onSupporterCertified(certified);
                    return null;
                });
                answered.get(60, TimeUnit.SECONDS);
                certifiedNow.get(60, TimeUnit.SECONDS);
                assertThat(matching.openOffersOf(supporter)).as("round %d: the offers of %s", round, supporter)
                        .extracting(assignment -> assignment.request().requestId())
                        .containsExactly(request.requestId());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
