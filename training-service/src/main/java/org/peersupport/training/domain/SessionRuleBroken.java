package org.peersupport.training.domain;

import org.peersupport.platform.kernel.DomainRuleBroken;

/** A session's rule the caller broke: {@code SESSION_FULL}, {@code SESSION_CLOSED}, {@code NOT_STARTED}, {@code HOSPITAL_ONLY}. */
public class SessionRuleBroken extends DomainRuleBroken {

    public SessionRuleBroken(String reason, String message) {
        super(reason, message);
    }
}
