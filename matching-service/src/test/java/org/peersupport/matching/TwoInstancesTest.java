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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.Modality;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.SupporterCertified;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.matching.domain.OfferNotOpen;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.TestTokens;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two matching instances on one database and one consumer group, as the Kubernetes manifests run them, answering
 * many requests at once for a few supporters of small capacity, whose offers are then accepted at once through both.
 */
@Tag("own-jvm")
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
        // One database and one consumer group of their own. Retries far off: this test is about the first answers,
        // not about looking again.
        String group = MatchingInstance.GROUP + "=" + MatchingInstance.group();
        first = MatchingInstance.start("spring.mongodb.database=" + database, group,
                "peersupport.matching.retry-first-delay=10m");
        second = MatchingInstance.start("spring.mongodb.database=" + database, group,
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
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                unsettled(store, requestIds, true, "OFFERED", "ESCALATED")).as("before acceptances").isEmpty());
        acceptEveryOpenOffer(store, requestIds);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                unsettled(store, requestIds, true, "ESCALATED")).as("after acceptances").isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> requestIds.stream().allMatch(id ->
                !probe.all(SupporterAssigned.class, e -> e.requestId().equals(id)).isEmpty()
                        || !probe.all(MatchEscalated.class, e -> e.requestId().equals(id)).isEmpty()));

        Map<String, Integer> assignedTo = new HashMap<>();
        for (String id : requestIds) {
            // Distinct by event id: both instances' relays may hand over the same stored event (at least once).
            List<SupporterAssigned> assigned = distinct(probe.all(SupporterAssigned.class,
                    e -> e.requestId().equals(id)));
            List<MatchEscalated> escalated = distinct(probe.all(MatchEscalated.class, e -> e.requestId().equals(id)));
            assertThat(assigned.size()).as("assignments of request %s", id).isLessThanOrEqualTo(1);
            assertThat(assigned.size() + escalated.size()).as("answers to request %s", id).isPositive();
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

    /**
     * Accepts every open offer, the two instances taking turns and all at once, until none is open: an acceptance
     * that finds the supporter full sends its request on to another offer or to the coordinator.
     */
    private static void acceptEveryOpenOffer(MongoTemplate store, List<String> requestIds) throws Exception {
        List<MatchingService> services = List.of(first.context().getBean(MatchingService.class),
                second.context().getBean(MatchingService.class));
        ExecutorService accepting = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                int turn = round;
                List<Document> offered = requestIds.stream()
                        .map(id -> store.findById(id, Document.class, "assignments"))
                        .filter(doc -> doc != null && "OFFERED".equals(doc.getString("status"))).toList();
                if (offered.isEmpty()) {
                    return;
                }
                List<Future<?>> answers = new ArrayList<>();
                for (int i = 0; i < offered.size(); i++) {
                    MatchingService matching = services.get(i % 2);
                    Document offer = offered.get(i);
                    answers.add(accepting.submit(() -> {
                        try {
                            matching.acceptOffer(offer.getString("supporterId"), offer.getString("_id"));
                        } catch (OfferNotOpen movedOn) {
                            // Another acceptance got there first; the next round sees where it stands.
                        }
                    }));
                }
                long started = System.nanoTime();
                for (Future<?> answer : answers) {
                    answer.get();
                }
                System.out.printf("round %d: %d acceptances in %d ms, then %s%n", turn, offered.size(),
                        (System.nanoTime() - started) / 1_000_000,
                        unsettled(store, requestIds, true, "OFFERED", "ESCALATED").keySet());
                // Decided is enough for the next round; everything published is checked once, at the end.
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(unsettled(store, requestIds,
                        false, "OFFERED", "ESCALATED")).as("undecided after round %d", turn).isEmpty());
            }
        } finally {
            accepting.shutdown();
        }
        throw new AssertionError("offers still open after 20 rounds of acceptances");
    }

    /**
     * Requests whose answer is not one of {@code statuses} (or ACTIVE), by status, and, when everything is to be
     * {@code published} too, documents still holding messages; each with one example (its state, or its outbox and
     * the relay's marker for it), so that a failure says where it stuck. Empty when all is settled.
     */
    private static Map<String, String> unsettled(MongoTemplate store, List<String> requestIds, boolean published,
            String... statuses) {
        List<String> done = new ArrayList<>(List.of(statuses));
        done.add("ACTIVE");
        Map<String, List<String>> byStatus = new TreeMap<>();
        for (String id : requestIds) {
            Document doc = store.findById(id, Document.class, "assignments");
            String status = doc == null ? "MISSING" : doc.getString("status");
            if (!done.contains(status)) {
                byStatus.computeIfAbsent(status, any -> new ArrayList<>()).add(doc == null ? id : doc.toJson());
            }
        }
        Map<String, String> open = new TreeMap<>();
        byStatus.forEach((status, docs) -> open.put("status " + status, docs.size() + ", e.g. " + docs.get(0)));
        if (!published) {
            return open;
        }
        Document unsent = new Document("outbox.0", new Document("$exists", true));
        for (String collection : List.of("assignments", "supporters")) {
            long pending = store.getCollection(collection).countDocuments(unsent);
            if (pending > 0) {
                Document example = store.getCollection(collection).find(unsent).first();
                Document marker = example == null ? null : store.getCollection("outbox")
                        .find(new Document("_id", collection + "/" + example.getString("_id"))).first();
                open.put("unpublished " + collection, pending + ", e.g. " + (example == null ? "" : example.getString(
                        "_id") + " outbox " + example.get("outbox") + " marker " + (marker == null ? "none"
                        : marker.toJson())));
            }
        }
        return open;
    }

    private static List<JsonNode> pool(String token, String hospital) {
        return first.api().get("/api/hospitals/" + hospital + "/pool", token).json().valueStream().toList();
    }
}
