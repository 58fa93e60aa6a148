package org.peersupport.platform.outbox;

import java.util.Optional;
import org.peersupport.platform.kernel.Decision;

/** What became of a cause applied to one stored aggregate, and the decision it wrote (none unless APPLIED). */
public record Applied<S>(Outcome outcome, Optional<Decision<S>> decision) {

    public enum Outcome {
        /** The decision was written, with the cause's id, its events and its timers. */
        APPLIED,
        /** The cause had changed this aggregate before: nothing was decided or written. */
        ALREADY_HANDLED,
        /** No aggregate has this id. */
        NOT_FOUND
    }

    static <S> Applied<S> applied(Decision<S> decision) {
        return new Applied<>(Outcome.APPLIED, Optional.of(decision));
    }

    static <S> Applied<S> of(Outcome outcome) {
        return new Applied<>(outcome, Optional.empty());
    }

    public boolean found() {
        return outcome != Outcome.NOT_FOUND;
    }

    /** The state the decision moved the aggregate to, if this call decided and it changed something. */
    public Optional<S> changedTo() {
        return decision.filter(Decision::changed).map(Decision::state);
    }
}
