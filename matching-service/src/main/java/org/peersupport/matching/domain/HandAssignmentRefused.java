package org.peersupport.matching.domain;

import org.peersupport.platform.kernel.DomainRuleBroken;

/** A coordinator chose a supporter who breaks a rule that no choice by hand overrides. */
public class HandAssignmentRefused extends DomainRuleBroken {

    HandAssignmentRefused(HardRule rule) {
        super("BREAKS_" + rule.name(), "the supporter chosen breaks the rule " + rule.name());
    }
}
