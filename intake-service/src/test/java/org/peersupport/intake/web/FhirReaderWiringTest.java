package org.peersupport.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import org.junit.jupiter.api.Test;
import org.peersupport.intake.application.FhirTriggerReader;
import org.peersupport.intake.application.TriggerReport;
import org.peersupport.platform.test.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The running service has the FHIR door's gate as its one reader, over one shared R4 context. */
@ServiceTest
class FhirReaderWiringTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theServiceReadsFhirAdverseEventsWithOneReaderOverOneR4Context() {
        assertThat(context.getBeansOfType(FhirTriggerReader.class)).hasSize(1);
        assertThat(context.getBeansOfType(FhirContext.class)).hasSize(1);
        assertThat(context.getBean(FhirContext.class).getVersion().getVersion()).isEqualTo(FhirVersionEnum.R4);

        TriggerReport report = context.getBean(FhirTriggerReader.class)
                .read("lakeside", FhirSamples.good("one-practitioner.json"));

        assertThat(report.hospitalEventId()).isEqualTo("RL-2026-004417");
        assertThat(report.involvedStaffIds()).containsExactly("E10442");
    }
}
