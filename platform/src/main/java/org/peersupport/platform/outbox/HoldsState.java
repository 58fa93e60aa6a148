package org.peersupport.platform.outbox;

/** A stored document of one aggregate's state {@code S}: read as the domain record, written back from one. */
public interface HoldsState<S> {

    S toDomain();

    void apply(S state);
}
