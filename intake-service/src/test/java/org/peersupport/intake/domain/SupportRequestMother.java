package org.peersupport.intake.domain;

import java.time.Instant;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.Modality;
import org.peersupport.events.ReasonCategory;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.SupporterGender;
import org.peersupport.events.Urgency;

/** Requests for the tests: a Lakeside ICU nurse asking by phone after an adverse event, in each status. */
final class SupportRequestMother {

    static final Instant SUBMITTED_AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant LATER = SUBMITTED_AT.plusSeconds(30);

    private SupportRequestMother() {
    }

    static RequestDetails details() {
        return new RequestDetails(ClinicalRole.NURSE, "ICU-4", ReasonCategory.ADVERSE_EVENT, Urgency.TODAY,
                Modality.PHONE, "en", true, true, false, SupporterGender.ANY, RequestOrigin.SELF);
    }

    static SupportRequest submitted() {
        return SupportRequest.submit("r1", "lakeside", "rq-1", details(), SUBMITTED_AT).state();
    }

    static SupportRequest assignedTo(String supporterId) {
        return submitted().assigned(supporterId, LATER).state();
    }

    static SupportRequest escalated() {
        return submitted().escalated(escalation()).state();
    }

    static SupportRequest withdrawn() {
        return submitted().withdraw(LATER).state();
    }

    static SupportRequest withStatus(RequestStatus status) {
        SupportRequest r = submitted();
        return new SupportRequest(r.id(), r.hospitalId(), r.requesterRef(), r.details(), status, r.submittedAt(),
                null, null, null);
    }

    static MatchEscalated escalation() {
        return new MatchEscalated("evt-esc", LATER, "lakeside", "r1", "NO_ELIGIBLE_SUPPORTER");
    }
}
