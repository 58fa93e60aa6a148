package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.peersupport.matching.MatchingFlowTest.certify;
import static org.peersupport.matching.MatchingFlowTest.hospital;
import static org.peersupport.matching.MatchingFlowTest.probe;
import static org.peersupport.matching.MatchingFlowTest.request;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.OfferDeclined;
import org.peersupport.events.OfferMade;
import org.peersupport.events.OfferWithdrawn;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.matching.domain.Availability;
import org.peersupport.matching.domain.OfferNotOpen;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** Offers on the real broker and store: accept, decline, a supporter going away, escalation after failed offers. */
@ServiceTest
@TestPropertySource(properties = {"peersupport.matching.retry-first-delay=10m",
        "peersupport.matching.max-failed-offers=2"})
@DirtiesContext
class OffersFlowTest {

    @Autowired
    MatchingService matching;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    static Instant inAYear() {
        return Instant.now().plusSeconds(365L * 86_400);
    }

    private static OfferMade offerOf(RequestSubmitted request, int number) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                probe.all(OfferMade.class, e -> e.requestId().equals(request.requestId())).size() >= number);
        return probe.all(OfferMade.class, e -> e.requestId().equals(request.requestId())).get(number - 1);
    }

    @Test
    void anAcceptedOfferAssignsTheSupporterAndNothingElseIsOffered() {
        String hospital = hospital();
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, inAYear());
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");
        RequestSubmitted request = request(hospital);
        probe.publish(request);

        OfferMade offer = offerOf(request, 1);
        Assignment settled = matching.acceptOffer(offer.supporterId(), request.requestId());

        assertThat(settled.status()).isEqualTo(Assignment.Status.ACTIVE);
        assertThat(probe.await(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()))
                .supporterId()).isEqualTo(hospital + "-s1");
        assertThat(offer.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(110)));
        assertThat(matching.openOffersOf(hospital + "-s1")).isEmpty();
    }

    @Test
    void aDeclinedOfferGoesToTheNextCandidateWhoCanAccept() {
        String hospital = hospital();
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, inAYear());
        certify(hospital, hospital + "-s2", ClinicalRole.PHYSICIAN, inAYear());
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");
        RequestSubmitted request = request(hospital);
        probe.publish(request);
        OfferMade first = offerOf(request, 1);
        assertThat(first.supporterId()).isEqualTo(hospital + "-s1");
        assertThat(matching.openOffersOf(hospital + "-s1")).extracting(a -> a.request().requestId())
                .containsExactly(request.requestId());

        matching.declineOffer(hospital + "-s1", request.requestId());

        probe.await(OfferDeclined.class, e -> e.requestId().equals(request.requestId()));
        OfferMade second = offerOf(request, 2);
        assertThat(second.supporterId()).isEqualTo(hospital + "-s2");
        assertThat(matching.openOffersOf(hospital + "-s1")).isEmpty();
        matching.acceptOffer(hospital + "-s2", request.requestId());
        assertThat(probe.await(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()))
                .supporterId()).isEqualTo(hospital + "-s2");
    }

    @Test
    void aSupporterGoingAwayDeclinesTheirOpenOffers() {
        String hospital = hospital();
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, inAYear());
        certify(hospital, hospital + "-s2", ClinicalRole.PHYSICIAN, inAYear());
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");
        RequestSubmitted request = request(hospital);
        probe.publish(request);
        assertThat(offerOf(request, 1).supporterId()).isEqualTo(hospital + "-s1");

        matching.setAvailability(hospital + "-s1", Availability.Status.AWAY, null);

        assertThat(probe.await(OfferDeclined.class, e -> e.requestId().equals(request.requestId())).supporterId())
                .isEqualTo(hospital + "-s1");
        assertThat(offerOf(request, 2).supporterId()).isEqualTo(hospital + "-s2");
    }

    @Test
    void aSupporterWhoseRestEndsIsOfferedTheRequestThatWaitedAtOnce() {
        String hospital = hospital();
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, inAYear());
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");
        matching.setAvailability(hospital + "-s1", Availability.Status.ON_CALL, Instant.now().plusSeconds(2));
        RequestSubmitted request = request(hospital);
        probe.publish(request);
        probe.await(MatchEscalated.class, e -> e.requestId().equals(request.requestId()));

        // Retries are 10 minutes off: only the rest's own timer can offer it this soon.
        assertThat(offerOf(request, 1).supporterId()).isEqualTo(hospital + "-s1");
    }

    @Test
    void afterTheAllowedFailedOffersTheCoordinatorIsToldAndTheOffersGoOn() {
        String hospital = hospital();
        for (int i = 1; i <= 3; i++) {
            certify(hospital, hospital + "-s" + i, ClinicalRole.NURSE, inAYear());
        }
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");
        RequestSubmitted request = request(hospital);
        probe.publish(request);

        matching.declineOffer(offerOf(request, 1).supporterId(), request.requestId());
        matching.declineOffer(offerOf(request, 2).supporterId(), request.requestId());

        MatchEscalated escalated = probe.await(MatchEscalated.class, e -> e.requestId().equals(request.requestId()));
        assertThat(escalated.reason()).isEqualTo(Assignment.OFFERS_FAILED);
        OfferMade third = offerOf(request, 3);
        matching.acceptOffer(third.supporterId(), request.requestId());
        probe.await(SupporterAssigned.class, e -> e.requestId().equals(request.requestId()));
        assertThat(probe.all(OfferMade.class, e -> e.requestId().equals(request.requestId())))
                .extracting(OfferMade::supporterId).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void aWithdrawnRequestsOpenOfferIsWithdrawnAndCanNoLongerBeAnswered() {
        String hospital = hospital();
        certify(hospital, hospital + "-s1", ClinicalRole.NURSE, inAYear());
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");
        RequestSubmitted request = request(hospital);
        probe.publish(request);
        offerOf(request, 1);

        probe.publish(EventMother.requestWithdrawn(hospital, request.requestId()));

        assertThat(probe.await(OfferWithdrawn.class, e -> e.requestId().equals(request.requestId())).supporterId())
                .isEqualTo(hospital + "-s1");
        await().atMost(Duration.ofSeconds(20)).until(() -> matching.openOffersOf(hospital + "-s1").isEmpty());
        assertThatThrownBy(() -> matching.acceptOffer(hospital + "-s1", request.requestId()))
                .isInstanceOf(OfferNotOpen.class);
    }

    @Test
    void anOfferListedBeforeItsRequestIsStoredStaysListedWhileTheSupporterLooks() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        certify(hospital, supporter, ClinicalRole.NURSE, inAYear());
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");
        // What an offer being made looks like between its listing and the write of its request.
        String beingOffered = "being-offered-" + hospital;
        mongo.getCollection("supporters").updateOne(new org.bson.Document("_id", supporter),
                new org.bson.Document("$push", new org.bson.Document("openOffers", beingOffered)));

        assertThat(matching.openOffersOf(supporter)).isEmpty();

        assertThat(mongo.getCollection("supporters").find(new org.bson.Document("_id", supporter)).first()
                .getList("openOffers", String.class)).containsExactly(beingOffered);
    }

    @Test
    void racingAcceptancesNeverTakeASupporterPastCapacityAndEachRequestIsAssignedOnce() throws Exception {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        certify(hospital, supporter, ClinicalRole.NURSE, inAYear(), 2);
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");
        RequestSubmitted first = request(hospital);
        RequestSubmitted second = request(hospital);
        probe.publish(first);
        probe.publish(second);
        offerOf(first, 1);
        offerOf(second, 1);
        // Training lowers their capacity while both offers are open: only one acceptance can take the place.
        certify(hospital, supporter, ClinicalRole.NURSE, inAYear(), 1);
        MatchingFlowTest.awaitAllHandled("peersupport.training.v1");

        ExecutorService accepting = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> answers = new ArrayList<>();
            for (RequestSubmitted request : List.of(first, second, first, second)) {
                answers.add(() -> {
                    try {
                        return matching.acceptOffer(supporter, request.requestId()).status();
                    } catch (OfferNotOpen moved) {
                        return moved.reason();
                    }
                });
            }
            for (Future<Object> answer : accepting.invokeAll(answers)) {
                answer.get();
            }
        } finally {
            accepting.shutdown();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> answered(first) && answered(second));
        List<SupporterAssigned> assigned = new ArrayList<>(probe.all(SupporterAssigned.class,
                e -> e.requestId().equals(first.requestId()) || e.requestId().equals(second.requestId())));
        assertThat(assigned).extracting(SupporterAssigned::eventId).doesNotHaveDuplicates();
        assertThat(assigned).hasSize(1);
        assertThat(probe.all(MatchEscalated.class, e -> e.requestId().equals(first.requestId())
                || e.requestId().equals(second.requestId()))).hasSize(1);
    }

    private static boolean answered(RequestSubmitted request) {
        return !probe.all(SupporterAssigned.class, e -> e.requestId().equals(request.requestId())).isEmpty()
                || !probe.all(MatchEscalated.class, e -> e.requestId().equals(request.requestId())).isEmpty();
    }
}
