package org.peersupport.platform.kernel;

/**
 * A domain rule the caller broke (a transition that is not allowed, a value the domain refuses). HTTP answers it
 * with 409 and its {@link #reason()}; an event handler treats it as a deterministic failure.
 */
public abstract class DomainRuleBroken extends RuntimeException {

    private final String reason;

    protected DomainRuleBroken(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** A stable, upper-case code of the rule, safe to show to clients (never personal data). */
    public String reason() {
        return reason;
    }
}
