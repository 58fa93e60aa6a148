package org.peersupport.intake.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Instant;
import org.peersupport.events.CrisisFlagged;
import org.peersupport.events.RequestOrigin;
import org.peersupport.platform.kernel.Decision;

/**
 * A request for support that signalled a risk of harm to self. It is not queued as peer support: the requester was
 * shown crisis resources at once, and the coordinator must call back. Who to call stays sealed beside it in intake;
 * {@code CrisisFlagged} carries only the flag's id.
 */
public record CrisisFlag(String id, String hospitalId, String requesterRef, RequestDetails details, Instant raisedAt) {

    public static Decision<CrisisFlag> raise(String id, String hospitalId, String requesterRef, RequestDetails details,
            Instant now) {
        return Decision.to(new CrisisFlag(id, hospitalId, requesterRef, details, now))
                .publishing(new CrisisFlagged(newEventId(), now, hospitalId, id));
    }

    public RequestOrigin origin() {
        return details.origin();
    }
}
