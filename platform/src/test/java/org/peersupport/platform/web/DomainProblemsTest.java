package org.peersupport.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.peersupport.platform.kernel.DomainRuleBroken;
import org.peersupport.platform.kernel.InvalidValue;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class DomainProblemsTest {

    static class OfferNoLongerOpen extends DomainRuleBroken {

        OfferNoLongerOpen() {
            super("OFFER_NO_LONGER_OPEN", "The offer is no longer open.");
        }
    }

    @RestController
    static class Deciding {

        @GetMapping("/rule")
        String rule() {
            throw new OfferNoLongerOpen();
        }

        @GetMapping("/value")
        String value() {
            throw new InvalidValue("yearsOfExperience", "a supporter needs at least 2 years of experience");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Deciding())
            .setControllerAdvice(new ProblemDetailsAdvice()).build();

    @Test
    void aBrokenDomainRuleIsA409WithItsReason() throws Exception {
        mvc.perform(get("/rule"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("OFFER_NO_LONGER_OPEN"))
                .andExpect(jsonPath("$.detail").value("The offer is no longer open."));
    }

    @Test
    void aValueTheDomainRefusesIsA400NamingTheFieldNotA500() throws Exception {
        mvc.perform(get("/value"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("yearsOfExperience"));
    }
}
