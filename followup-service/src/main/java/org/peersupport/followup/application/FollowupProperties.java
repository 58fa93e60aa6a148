package org.peersupport.followup.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.peersupport.events.ReferralCategory;
import org.peersupport.followup.domain.CaseSettings;
import org.peersupport.followup.domain.CheckInSchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Follow-up's clocks and referral directory, {@code peersupport.followup.*}. The top-level values hold for every
 * hospital; {@code hospitals.<hospitalId>.*} overrides any of them for one hospital (a value left out there keeps the
 * top-level one). Tests and demos use seconds.
 *
 * @param checkInSchedule check-in offsets from the first contact (72h, 1 week, 1 and 3 months)
 * @param firstContactWithin how long after the case opens the first contact is due (24 h, as UW Medicine)
 * @param urgentFirstContactWithin the same for a request that asked to be reached today (4 h)
 * @param checkInGrace how long after a check-in fell due its outcome may be recorded before it counts as missed
 * @param feedbackLinkValidFor how long a feedback link handed out at closure can be used
 * @param referrals the referral directory of a hospital without one of its own
 */
@ConfigurationProperties("peersupport.followup")
public record FollowupProperties(
        @DefaultValue({"72h", "7d", "30d", "90d"}) List<Duration> checkInSchedule,
        @DefaultValue("24h") Duration firstContactWithin,
        @DefaultValue("4h") Duration urgentFirstContactWithin,
        @DefaultValue("48h") Duration checkInGrace,
        @DefaultValue("30d") Duration feedbackLinkValidFor,
        List<ReferralService> referrals,
        Map<String, Hospital> hospitals) {

    public FollowupProperties {
        referrals = referrals == null ? List.of() : List.copyOf(referrals);
        hospitals = hospitals == null ? Map.of() : Map.copyOf(hospitals);
        // A schedule or duration that cannot work stops the service at start-up, not each case later.
        settings(null, checkInSchedule, firstContactWithin, urgentFirstContactWithin, checkInGrace);
        for (Hospital own : hospitals.values()) {
            settings(own, checkInSchedule, firstContactWithin, urgentFirstContactWithin, checkInGrace);
        }
    }

    /** One hospital's overrides; null keeps the top-level value. */
    public record Hospital(List<Duration> checkInSchedule, Duration firstContactWithin,
            Duration urgentFirstContactWithin, Duration checkInGrace, List<ReferralService> referrals) {
    }

    /** An entry of a referral directory: a service of a category, how to reach it, a short note. */
    public record ReferralService(ReferralCategory category, String name, String phone, String url, String note) {

        public ReferralService {
            if (category == null || name == null || name.isBlank()) {
                throw new IllegalArgumentException("a referral directory entry needs a category and a name");
            }
        }
    }

    /** The clocks that hold for {@code hospitalId}. */
    public CaseSettings settingsFor(String hospitalId) {
        return settings(hospitals.get(hospitalId), checkInSchedule, firstContactWithin, urgentFirstContactWithin,
                checkInGrace);
    }

    /** A hospital's own values where it has them ({@code own} may be null), the top-level ones elsewhere. */
    private static CaseSettings settings(Hospital own, List<Duration> schedule, Duration within, Duration urgentWithin,
            Duration grace) {
        if (own == null) {
            return new CaseSettings(within, urgentWithin, new CheckInSchedule(schedule), grace);
        }
        return new CaseSettings(or(own.firstContactWithin(), within), or(own.urgentFirstContactWithin(), urgentWithin),
                new CheckInSchedule(or(own.checkInSchedule(), schedule)), or(own.checkInGrace(), grace));
    }

    /** The referral directory of {@code hospitalId}: its own, or the top-level one. */
    public List<ReferralService> referralsFor(String hospitalId) {
        Hospital own = hospitals.get(hospitalId);
        return own != null && own.referrals() != null ? own.referrals() : referrals;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
