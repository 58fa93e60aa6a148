package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peersupport.matching.MatchingFlowTest.awaitAllHandled;
import static org.peersupport.matching.MatchingFlowTest.certify;
import static org.peersupport.matching.MatchingFlowTest.hospital;
import static org.peersupport.matching.MatchingFlowTest.probe;
import static org.peersupport.matching.MatchingFlowTest.request;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.OfferDeclined;
import org.peersupport.events.OfferMade;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.platform.crypto.OfferLinks;
import org.peersupport.platform.crypto.OfferLinks.Action;
import org.peersupport.platform.crypto.OfferLinks.OfferLink;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** An offer answered from an email's or SMS's signed link: looking changes nothing, only the confirming POST does. */
@ServiceTest
@TestPropertySource(properties = "peersupport.matching.retry-first-delay=10m")
@DirtiesContext
class OfferLinksTest {

    @LocalServerPort
    int port;

    @Value("${peersupport.links.secret}")
    String secret;

    private Api api() {
        return Api.local(port);
    }

    private OfferMade offered(String hospital, String supporter) {
        RequestSubmitted request = request(hospital);
        probe.publish(request);
        OfferMade offer = probe.await(OfferMade.class, e -> e.requestId().equals(request.requestId()));
        assertThat(offer.supporterId()).isEqualTo(supporter);
        return offer;
    }

    private String link(OfferLinks links, Action action, OfferMade offer, String supporter, Instant until) {
        return "/offer-links/" + links.sign(new OfferLink(action, offer.hospitalId(), offer.requestId(), supporter,
                until));
    }

    @Test
    void aLinkShowsAConfirmationAndOnlyItsPostAcceptsTheOffer() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        certify(hospital, supporter, ClinicalRole.NURSE, OffersFlowTest.inAYear());
        awaitAllHandled("peersupport.training.v1");
        OfferMade offer = offered(hospital, supporter);
        String accept = link(new OfferLinks(secret), Action.ACCEPT, offer, supporter, offer.expiresAt());

        Api.Response page = api().get(accept, null);
        Api.Response again = api().get(accept, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Accept this peer support request?").contains("<form method=\"post\">")
                .doesNotContain(offer.requestId());
        assertThat(again.status()).isEqualTo(200);
        assertThat(api().get("/api/offers", TestTokens.token(supporter, hospital, "supporter")).json().size())
                .as("looking at the link twice answered nothing").isEqualTo(1);

        Api.Response accepted = api().post(accept, null, "");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).contains("The request is yours");
        assertThat(probe.await(SupporterAssigned.class, e -> e.requestId().equals(offer.requestId()))
                .supporterId()).isEqualTo(supporter);
        // The button pressed twice is the same acceptance; declining it now is too late.
        assertThat(api().post(accept, null, "").body()).contains("The request is yours");
        Api.Response late = api().post(link(new OfferLinks(secret), Action.DECLINE, offer, supporter,
                offer.expiresAt()), null, "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("no longer open");
    }

    @Test
    void aDeclineLinkPassesTheOfferOnAndForgedExpiredOrStrangersLinksAnswerNothing() {
        String hospital = hospital();
        String supporter = hospital + "-s1";
        certify(hospital, supporter, ClinicalRole.NURSE, OffersFlowTest.inAYear());
        awaitAllHandled("peersupport.training.v1");
        OfferMade offer = offered(hospital, supporter);
        OfferLinks links = new OfferLinks(secret);

        String forged = link(new OfferLinks(secret + "-not-ours"), Action.ACCEPT, offer, supporter, offer.expiresAt());
        String expired = link(links, Action.ACCEPT, offer, supporter, Instant.now().minus(Duration.ofMinutes(1)));
        String stranger = link(links, Action.ACCEPT, offer, hospital + "-s9", offer.expiresAt());
        String otherHospital = "/offer-links/" + links.sign(new OfferLink(Action.ACCEPT, "elsewhere",
                offer.requestId(), supporter, offer.expiresAt()));
        for (String bad : new String[] {forged, expired, stranger, otherHospital, "/offer-links/nonsense"}) {
            assertThat(api().post(bad, null, "").status()).as(bad).isEqualTo(404);
        }
        assertThat(api().get(forged, null).status()).isEqualTo(404);

        Api.Response declined = api().post(link(links, Action.DECLINE, offer, supporter, offer.expiresAt()), null,
                "");

        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body()).contains("Declined");
        probe.await(OfferDeclined.class, e -> e.requestId().equals(offer.requestId()));
    }
}
