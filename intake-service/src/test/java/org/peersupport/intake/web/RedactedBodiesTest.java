package org.peersupport.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.intake.application.NewRequest;

/** What DEBUG logging of a request body or a command would print: never what the requester typed. */
class RedactedBodiesTest {

    static final String NAME = "Rosalind Featherstonehaugh";
    static final String PHONE = "+1 603 555 0199";
    static final String EMAIL = "r.featherstonehaugh@example.org";

    @Test
    void theBodyOfASubmissionAndItsContactPrintNoneOfTheirValues() {
        RequestController.ContactBody contact = new RequestController.ContactBody(NAME, PHONE, EMAIL);
        RequestController.SubmitRequestBody body = new RequestController.SubmitRequestBody(ClinicalRole.NURSE,
                Modality.PHONE, "Rosalind's language", false, contact);

        assertThat(contact.toString()).isEqualTo("ContactBody[redacted]");
        assertThat(body.toString()).isEqualTo("SubmitRequestBody[redacted]")
                .doesNotContain(NAME, PHONE, EMAIL, "Rosalind");
    }

    @Test
    void theCommandPrintsNoContactDetail() {
        NewRequest command = new RequestController.SubmitRequestBody(ClinicalRole.NURSE, Modality.PHONE, "en", true,
                new RequestController.ContactBody(NAME, PHONE, EMAIL)).toCommand();

        assertThat(command.contact().name()).isEqualTo(NAME);
        assertThat(command.toString()).isEqualTo("NewRequest[redacted]").doesNotContain(NAME, PHONE, EMAIL);
    }
}
