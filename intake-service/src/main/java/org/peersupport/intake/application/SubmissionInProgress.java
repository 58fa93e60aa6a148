package org.peersupport.intake.application;

import org.peersupport.platform.kernel.DomainRuleBroken;

/**
 * Another submission by the same requester has claimed their one open request and is being stored right now: 409,
 * and a retry a moment later returns that request.
 */
public class SubmissionInProgress extends DomainRuleBroken {

    SubmissionInProgress() {
        super("SUBMISSION_IN_PROGRESS", "Another request by this requester is being stored; try again shortly.");
    }
}
