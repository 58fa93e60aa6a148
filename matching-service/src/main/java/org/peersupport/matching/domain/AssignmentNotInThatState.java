package org.peersupport.matching.domain;

import org.peersupport.platform.kernel.DomainRuleBroken;

/** An assignment asked for a transition its status does not allow (e.g. reserving one that is not deciding). */
public class AssignmentNotInThatState extends DomainRuleBroken {

    AssignmentNotInThatState(Assignment.Status status, String transition) {
        super("ASSIGNMENT_NOT_" + status.name() + "_FOR_" + transition, "a " + status + " assignment cannot be "
                + transition.toLowerCase(java.util.Locale.ROOT));
    }
}
