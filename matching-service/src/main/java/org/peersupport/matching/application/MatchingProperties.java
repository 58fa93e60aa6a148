package org.peersupport.matching.application;

import java.time.Duration;
import java.util.Map;
import org.peersupport.matching.domain.CoolDown;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code peersupport.matching.*}: an escalated request is looked at again {@code retry-first-delay} after escalating,
 * then at doubling intervals up to {@code retry-max-delay}, for as long as it waits. A supporter has
 * {@code offer-window} to answer an offer ({@code urgent-offer-window} when the requester wants contact today); after
 * {@code max-failed-offers} offers declined or expired the coordinator is told. An urgent request is offered to the
 * best {@code broadcast-size} supporters at once; the first to accept takes it. A supporter who took
 * {@code cool-down-cases-per-week.<hospital>} cases within seven days (the key {@code default} for every hospital
 * not named; none: no such rule) gets {@code cool-down} without new offers.
 */
@ConfigurationProperties("peersupport.matching")
public record MatchingProperties(@DefaultValue("30s") Duration retryFirstDelay,
        @DefaultValue("10m") Duration retryMaxDelay, @DefaultValue("2h") Duration offerWindow,
        @DefaultValue("30m") Duration urgentOfferWindow, @DefaultValue("3") int maxFailedOffers,
        @DefaultValue("3") int broadcastSize, Map<String, Integer> coolDownCasesPerWeek,
        @DefaultValue("48h") Duration coolDown) {

    public MatchingProperties {
        coolDownCasesPerWeek = coolDownCasesPerWeek == null ? Map.of() : Map.copyOf(coolDownCasesPerWeek);
    }

    /** The hospital's cool-down rule. */
    public CoolDown coolDownOf(String hospitalId) {
        return new CoolDown(coolDownCasesPerWeek.getOrDefault(hospitalId, coolDownCasesPerWeek.getOrDefault("default",
                0)), coolDown);
    }
}
