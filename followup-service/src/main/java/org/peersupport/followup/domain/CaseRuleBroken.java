package org.peersupport.followup.domain;

import org.peersupport.platform.kernel.DomainRuleBroken;

/** A case asked for something its state does not allow; the reason is a stable code, answered with 409. */
public class CaseRuleBroken extends DomainRuleBroken {

    public static final String CASE_CLOSED = "CASE_CLOSED";
    public static final String CHECK_IN_NOT_DUE = "CHECK_IN_NOT_DUE";
    public static final String CHECK_IN_ALREADY_RECORDED = "CHECK_IN_ALREADY_RECORDED";
    public static final String CASE_NOT_CLOSED = "CASE_NOT_CLOSED";
    public static final String NO_FEEDBACK_LINK = "NO_FEEDBACK_LINK";

    CaseRuleBroken(String reason, String message) {
        super(reason, message);
    }
}
