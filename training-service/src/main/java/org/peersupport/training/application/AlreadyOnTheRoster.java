package org.peersupport.training.application;

import org.peersupport.platform.kernel.DomainRuleBroken;

/** A nomination of someone already on the roster (nominated, approved, certified or lapsed). */
class AlreadyOnTheRoster extends DomainRuleBroken {

    AlreadyOnTheRoster() {
        super("ALREADY_ON_ROSTER", "this person is on the roster already");
    }
}
