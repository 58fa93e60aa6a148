package org.peersupport.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.ReasonCategory;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterGender;
import org.peersupport.events.Urgency;

class MatchRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static RequestSubmitted submitted(Urgency urgency, Boolean sameRole, Boolean outsideUnit) {
        return new RequestSubmitted("e-1", NOW, "lakeside", "r-1", "rq-1", ClinicalRole.NURSE, Modality.PHONE, "en",
                false, "ICU-4", ReasonCategory.PATIENT_DEATH, urgency, sameRole, outsideUnit, SupporterGender.ANY,
                RequestOrigin.SELF);
    }

    @Test
    void aRequestForTodayIsUrgentAndCarriesItsUnitAndRolePreference() {
        MatchRequest request = MatchRequest.from(submitted(Urgency.TODAY, false, true));

        assertThat(request.urgent()).isTrue();
        assertThat(request.unit()).isEqualTo("ICU-4");
        assertThat(request.sameRolePreferred()).isFalse();
        assertThat(request.sameUnitAllowed()).isFalse();
        assertThat(request.requesterRef()).isEqualTo("rq-1");
    }

    @Test
    void onlyAnExplicitNoToOutsideTheUnitLetsTheOwnUnitIn() {
        assertThat(MatchRequest.from(submitted(Urgency.ROUTINE, true, false)).sameUnitAllowed()).isTrue();
        assertThat(MatchRequest.from(submitted(Urgency.ROUTINE, true, true)).sameUnitAllowed()).isFalse();
        assertThat(MatchRequest.from(submitted(Urgency.ROUTINE, true, null)).sameUnitAllowed()).isFalse();
        assertThat(MatchRequest.from(submitted(Urgency.ROUTINE, true, null)).urgent()).isFalse();
    }

    @Test
    void anEventFromBeforeTheNewFieldsReadsAsTheProgramsDefaults() {
        MatchRequest request = MatchRequest.from(new RequestSubmitted("e-1", NOW, "lakeside", "r-1", "rq-1",
                ClinicalRole.NURSE, null, null, false));

        assertThat(request.urgent()).isFalse();
        assertThat(request.unit()).isNull();
        assertThat(request.sameRolePreferred()).isTrue();
        assertThat(request.sameUnitAllowed()).isFalse();
    }
}
