package org.peersupport.intake.domain;

import java.time.Instant;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.Modality;

/** Requests for the tests: a Lakeside nurse asking by phone, in each status. */
final class SupportRequestMother {

    static final Instant SUBMITTED_AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant LATER = SUBMITTED_AT.plusSeconds(30);

    private SupportRequestMother() {
    }

    static SupportRequest submitted() {
        return SupportRequest.submit("r1", "lakeside", "rq-1", ClinicalRole.NURSE, Modality.PHONE, "en", false,
                SUBMITTED_AT).state();
    }

    static SupportRequest assignedTo(String supporterId) {
        return submitted().assigned(supporterId, LATER).state();
    }

    static SupportRequest withStatus(RequestStatus status) {
        SupportRequest r = submitted();
        return new SupportRequest(r.id(), r.hospitalId(), r.requesterRef(), r.requesterRole(), r.preferredModality(),
                r.preferredLanguage(), r.outsideHospitalPreferred(), status, r.submittedAt(), null, null);
    }

    static MatchEscalated escalation() {
        return new MatchEscalated("evt-esc", LATER, "lakeside", "r1", "NO_ELIGIBLE_SUPPORTER");
    }
}
