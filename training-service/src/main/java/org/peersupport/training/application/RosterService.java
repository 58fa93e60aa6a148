package org.peersupport.training.application;

import java.time.Clock;
import java.util.List;
import org.peersupport.platform.messaging.EventCodec;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.training.domain.RosterEntry;
import org.peersupport.training.persistence.RosterDocument;
import org.peersupport.training.persistence.TrainingPersistence;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** The roster of certified supporters; certifying one announces it to matching's pool. */
@Service
public class RosterService {

    private final AggregateStore<RosterDocument> roster;
    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final Clock clock;

    public RosterService(AggregateStore<RosterDocument> roster, MongoTemplate mongo, EventCodec codec, Clock clock) {
        this.roster = roster;
        this.mongo = mongo;
        this.codec = codec;
        this.clock = clock;
    }

    /** Adds a certified supporter once; certifying the same id again changes nothing. */
    public boolean certify(RosterEntry entry) {
        RosterDocument document = new RosterDocument(entry);
        document.publish(entry.certified(clock.instant()), codec);
        return roster.insert(document);
    }

    public List<RosterEntry> rosterOf(String hospitalId) {
        return TrainingPersistence.rosterOf(mongo, hospitalId).stream().map(RosterDocument::toDomain).toList();
    }
}
