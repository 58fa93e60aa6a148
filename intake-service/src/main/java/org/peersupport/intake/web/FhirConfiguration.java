package org.peersupport.intake.web;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one FHIR R4 context of the service: building one scans the model, so it is made once and shared. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FhirConfiguration.class);

    @Bean
    FhirContext fhirContext() {
        long start = System.nanoTime();
        FhirContext context = FhirContext.forR4();
        // Scan the one resource the door reads at start-up, so the first hospital report does not pay for it.
        context.getResourceDefinition(AdverseEvent.class);
        log.info("FHIR R4 context ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        return context;
    }
}
