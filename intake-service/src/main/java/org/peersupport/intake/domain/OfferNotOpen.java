package org.peersupport.intake.domain;

import java.util.Locale;
import org.peersupport.platform.kernel.DomainRuleBroken;

/** An answer to an outreach offer that was already answered otherwise, or has expired. */
public class OfferNotOpen extends DomainRuleBroken {

    public OfferNotOpen(Outreach.Status status) {
        super("OFFER_NOT_OPEN", "The offer is " + status.name().toLowerCase(Locale.ROOT)
                + " and can no longer be answered.");
    }
}
