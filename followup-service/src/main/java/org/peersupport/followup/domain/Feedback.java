package org.peersupport.followup.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Instant;
import java.time.YearMonth;
import org.peersupport.events.FeedbackReceived;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.InvalidValue;

/**
 * One anonymous answer to the pulse a person gets when their case closes. It is kept under an id of its own with the
 * hospital and the month the link was given in, never with a case, a supporter, a requester, the link or a time: so
 * nobody can tell whose it is.
 */
public record Feedback(String id, String hospitalId, String month, Pulse pulse) {

    /**
     * The pulse: how helpful the support was (1–5), whether they would recommend it, and optional SVEST-style items
     * (1–5): distress, support from colleagues, from the institution, confidence in their work, thoughts of leaving.
     */
    public record Pulse(Integer helpfulness, Boolean wouldRecommend, Integer distress, Integer colleagueSupport,
            Integer institutionalSupport, Integer selfEfficacy, Integer turnoverIntention) {

        public Pulse {
            if (helpfulness == null) {
                throw new InvalidValue("helpfulness", "is required");
            }
            if (wouldRecommend == null) {
                throw new InvalidValue("wouldRecommend", "is required");
            }
            score("helpfulness", helpfulness);
            score("distress", distress);
            score("colleagueSupport", colleagueSupport);
            score("institutionalSupport", institutionalSupport);
            score("selfEfficacy", selfEfficacy);
            score("turnoverIntention", turnoverIntention);
        }

        private static void score(String field, Integer value) {
            if (value != null && (value < 1 || value > 5)) {
                throw new InvalidValue(field, "must be 1 to 5");
            }
        }
    }

    public static Decision<Feedback> receive(String id, String hospitalId, YearMonth month, Pulse pulse, Instant now) {
        Feedback feedback = new Feedback(id, hospitalId, month.toString(), pulse);
        return Decision.to(feedback).publishing(new FeedbackReceived(newEventId(), now, hospitalId, id,
                month.toString(), pulse.helpfulness(), pulse.wouldRecommend(), pulse.distress(),
                pulse.colleagueSupport(), pulse.institutionalSupport(), pulse.selfEfficacy(),
                pulse.turnoverIntention()));
    }
}
