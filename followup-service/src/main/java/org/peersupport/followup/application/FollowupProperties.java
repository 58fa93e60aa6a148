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
    }

    /** One hospital's overrides; null keeps the top-level value. */
    public record Hospital(List<Duration> checkInSchedule, Duration firstContactWithin,
            Duration urgentFirstContactWithin, Duration checkInGrace, List<ReferralService> referrals) {
    }

    /** An entry of a referral directory: a service of a category, how to reach it, a short note. */
    public record ReferralService(ReferralCategory category, String name, String phone, String url, String note) {
    }

    /** The clocks that hold for {@code hospitalId}. */
    public CaseSettings settingsFor(String hospitalId) {
        Hospital own = hospitals.get(hospitalId);
        if (own == null) {
            return new CaseSettings(firstContactWithin, urgentFirstContactWithin, new CheckInSchedule(checkInSchedule),
                    checkInGrace);
        }
        return new CaseSettings(or(own.firstContactWithin(), firstContactWithin),
                or(own.urgentFirstContactWithin(), urgentFirstContactWithin),
                new CheckInSchedule(or(own.checkInSchedule(), checkInSchedule)), or(own.checkInGrace(), checkInGrace));
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
