package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.Modality;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.SupporterCertified;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.TestTokens;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two matching instances on one database and one consumer group, as the Kubernetes manifests run them, answering
 * many requests at once for a few supporters of small capacity.
 */
class TwoInstancesTest {

    static final EventProbe probe = EventProbe.shared();
    static final int SUPPORTERS = 5;
    static final int CAPACITY = 4;
    static final int REQUESTS = 200;

    static MatchingInstance first;
    static MatchingInstance second;

    @BeforeAll
    static void start() {
        String database = "matching-pair-" + UUID.randomUUID().toString().substring(0, 8);
        // Retries far off: this test is about the first answers, not about looking again.
        first = MatchingInstance.start("spring.mongodb.database=" + database,
                "peersupport.matching.retry-first-delay=10m");
        second = MatchingInstance.start("spring.mongodb.database=" + database,
                "peersupport.matching.retry-first-delay=10m");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void noSupporterGoesPastCapacityAndEveryRequestGetsExactlyOneAnswer() throws Exception {
        // Both ready: both hold partitions of both topics, so both answer requests side by side.
        await().atMost(Duration.ofSeconds(90)).until(() -> first.readiness().status() == 200
                && second.readiness().status() == 200);
        String hospital = "h" + UUID.randomUUID().toString().substring(0, 8);
        List<String> supporterIds = IntStream.range(0, SUPPORTERS).mapToObj(i -> hospital + "-s" + i).toList();
        supporterIds.forEach(id -> probe.publish(new SupporterCertified(UUID.randomUUID().toString(), Instant.now(),
                hospital, id, ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), CAPACITY,
                Instant.now().plusSeconds(86_400))));
        String coordinator = TestTokens.token(hospital + "-coordinator", hospital, "coordinator");
        await().atMost(Duration.ofSeconds(30)).until(() -> pool(coordinator, hospital).size() == SUPPORTERS);

        List<String> requestIds = submitConcurrently(hospital);

        MongoTemplate store = first.context().getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(120)).until(() -> settled(store, requestIds));
        await().atMost(Duration.ofSeconds(30)).until(() -> requestIds.stream().allMatch(id ->
                !probe.all(SupporterAssigned.class, e -> e.requestId().equals(id)).isEmpty()
                        || !probe.all(MatchEscalated.class, e -> e.requestId().equals(id)).isEmpty()));

        Map<String, Integer> assignedTo = new HashMap<>();
        for (String id : requestIds) {
            // Distinct by event id: both instances' relays may hand over the same stored event (at least once).
            List<SupporterAssigned> assigned = distinct(probe.all(SupporterAssigned.class,
                    e -> e.requestId().equals(id)));
            List<MatchEscalated> escalated = distinct(probe.all(MatchEscalated.class, e -> e.requestId().equals(id)));
            assertThat(assigned.size() + escalated.size()).as("answers to request %s", id).isEqualTo(1);
            assigned.forEach(a -> assignedTo.merge(a.supporterId(), 1, Integer::sum));
        }
        assertThat(assignedTo).hasSize(SUPPORTERS);
        assertThat(assignedTo.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(CAPACITY));
        assertThat(assignedTo.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SUPPORTERS * CAPACITY);
        for (JsonNode entry : pool(coordinator, hospital)) {
            assertThat(entry.get("activeCases").asInt()).isEqualTo(assignedTo.get(entry.get("supporterId").asString()));
        }
    }

    private static <E extends DomainEvent> List<E> distinct(List<E> events) {
        Map<String, E> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId(), event));
        return List.copyOf(byId.values());
    }

    private static List<String> submitConcurrently(String hospital) throws Exception {
        List<RequestSubmitted> requests = IntStream.range(0, REQUESTS).mapToObj(i -> new RequestSubmitted(
                UUID.randomUUID().toString(), Instant.now(), hospital, UUID.randomUUID().toString(),
                "rq-" + UUID.randomUUID(), ClinicalRole.NURSE, Modality.PHONE, "en", false)).toList();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            requests.forEach(request -> sent.add(senders.submit(() -> probe.publish(request))));
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            senders.shutdown();
        }
        return requests.stream().map(RequestSubmitted::requestId).toList();
    }

    /** Every request has its final answer stored and nothing is left to publish. */
    private static boolean settled(MongoTemplate store, List<String> requestIds) {
        long decided = requestIds.stream().map(id -> store.findById(id, Document.class, "assignments"))
                .filter(doc -> doc != null && List.of("ACTIVE", "ESCALATED").contains(doc.getString("status")))
                .count();
        Document unsent = new Document("outbox.0", new Document("$exists", true));
        return decided == requestIds.size()
                && store.getCollection("assignments").countDocuments(unsent) == 0
                && store.getCollection("supporters").countDocuments(unsent) == 0;
    }

    private static List<JsonNode> pool(String token, String hospital) {
        return first.api().get("/api/hospitals/" + hospital + "/pool", token).json().valueStream().toList();
    }
}
