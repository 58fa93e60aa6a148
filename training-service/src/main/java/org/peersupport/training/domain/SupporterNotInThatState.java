package org.peersupport.training.domain;

import org.peersupport.platform.kernel.DomainRuleBroken;

/** A change of a supporter's standing their status does not allow (approving a certified supporter, say). */
public class SupporterNotInThatState extends DomainRuleBroken {

    SupporterNotInThatState(RosterEntry.Status status) {
        super("SUPPORTER_" + status.name(), "not allowed for a supporter in this status");
    }
}
