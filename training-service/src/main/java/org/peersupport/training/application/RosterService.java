package org.peersupport.training.application;

import java.time.Clock;
import java.util.List;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.training.domain.RosterEntry;
import org.peersupport.training.persistence.RosterDocument;
import org.peersupport.training.persistence.Rosters;
import org.springframework.stereotype.Service;

/** The roster of certified supporters; certifying one announces it to matching's pool. */
@Service
public class RosterService {

    private final AggregateStore<RosterDocument> roster;
    private final Rosters rosters;
    private final Clock clock;

    public RosterService(AggregateStore<RosterDocument> roster, Rosters rosters, Clock clock) {
        this.roster = roster;
        this.rosters = rosters;
        this.clock = clock;
    }

    /** Adds a certified supporter once; certifying the same id again changes nothing. */
    public boolean certify(RosterEntry entry) {
        Decision<RosterEntry> decision = entry.certify(clock.instant());
        return roster.insert(new RosterDocument(decision.state()), null, decision);
    }

    public List<RosterEntry> rosterOf(String hospitalId) {
        return rosters.of(hospitalId);
    }
}
