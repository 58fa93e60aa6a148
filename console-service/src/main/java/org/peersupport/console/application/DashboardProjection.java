package org.peersupport.console.application;

import org.peersupport.console.domain.Source;
import org.peersupport.console.persistence.DashboardStore;
import org.peersupport.events.CheckInDue;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.RequestWithdrawn;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.SupporterCertified;
import org.peersupport.platform.crypto.Pseudonyms;
import org.springframework.stereotype.Service;

/**
 * Builds the dashboard's read model: one small handler per event type, each a single idempotent write of counts and
 * times, never a person. A figure whose events do not exist yet gets its handler here when they do (see
 * {@link org.peersupport.console.domain.PendingFigure}).
 */
@Service
public class DashboardProjection {

    private final DashboardStore store;
    private final Pseudonyms pseudonyms;
    private final DashboardChanges changes;

    public DashboardProjection(DashboardStore store, Pseudonyms pseudonyms, DashboardChanges changes) {
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.changes = changes;
    }

    public void onRequestSubmitted(RequestSubmitted event) {
        Source source = Source.of(event.origin() == null ? null : event.origin().name());
        store.submitted(event.hospitalId(), event.requestId(), event.occurredAt(), source);
        changes.changed();
    }

    public void onSupporterAssigned(SupporterAssigned event) {
        store.assigned(event.hospitalId(), event.requestId(), event.occurredAt());
        changes.changed();
    }

    public void onMatchEscalated(MatchEscalated event) {
        store.escalated(event.hospitalId(), event.requestId());
        changes.changed();
    }

    public void onRequestWithdrawn(RequestWithdrawn event) {
        store.withdrawn(event.hospitalId(), event.requestId());
        changes.changed();
    }

    public void onCheckInDue(CheckInDue event) {
        store.checkInDue(event.hospitalId(), event.caseId(), event.checkInNumber());
        changes.changed();
    }

    /** The pool counts each supporter once, by a keyed hash of hospital and id: the id itself is never stored. */
    public void onSupporterCertified(SupporterCertified event) {
        store.certified(event.hospitalId(), pseudonyms.of("sp", event.hospitalId(), event.supporterId()),
                event.certifiedUntil());
        changes.changed();
    }
}
