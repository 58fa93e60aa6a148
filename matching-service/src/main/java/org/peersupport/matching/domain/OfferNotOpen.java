package org.peersupport.matching.domain;

import org.peersupport.platform.kernel.DomainRuleBroken;

/** A supporter answered an offer that is not open to them (any more): it expired, went to someone else, or never was. */
public class OfferNotOpen extends DomainRuleBroken {

    OfferNotOpen() {
        super("OFFER_NOT_OPEN", "this offer is not open to this supporter");
    }
}
