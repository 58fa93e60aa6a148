package org.peersupport.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peersupport.matching.MatchingFlowTest.awaitAllHandled;
import static org.peersupport.matching.MatchingFlowTest.certify;
import static org.peersupport.matching.MatchingFlowTest.probe;
import static org.peersupport.matching.MatchingFlowTest.request;

import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.OfferMade;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.matching.application.MatchingService;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A hospital whose rule is one case a week: the supporter who took one is not offered the next. */
@ServiceTest
@TestPropertySource(properties = {"peersupport.matching.retry-first-delay=10m",
        "peersupport.matching.cool-down-cases-per-week." + CoolDownTest.HOSPITAL + "=1"})
@DirtiesContext
class CoolDownTest {

    static final String HOSPITAL = "hcooldown";

    @Autowired
    MatchingService matching;

    @Test
    void aSupporterWhoReachedTheWeeksCasesCoolsDownAndTheNextOfferGoesElsewhere() {
        String nurse = HOSPITAL + "-nurse";
        String physician = HOSPITAL + "-physician";
        certify(HOSPITAL, nurse, ClinicalRole.NURSE, OffersFlowTest.inAYear());
        certify(HOSPITAL, physician, ClinicalRole.PHYSICIAN, OffersFlowTest.inAYear());
        awaitAllHandled("peersupport.training.v1");
        RequestSubmitted first = request(HOSPITAL);
        probe.publish(first);
        assertThat(probe.await(OfferMade.class, e -> e.requestId().equals(first.requestId())).supporterId())
                .isEqualTo(nurse);
        matching.acceptOffer(nurse, first.requestId());

        RequestSubmitted second = request(HOSPITAL);
        probe.publish(second);

        // Without the cool-down the nurse would get it: the same role outweighs one case more.
        assertThat(probe.await(OfferMade.class, e -> e.requestId().equals(second.requestId())).supporterId())
                .isEqualTo(physician);
    }
}
