package org.peersupport.training.persistence;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.peersupport.training.domain.RosterEntry;
import org.springframework.data.mongodb.core.mapping.Document;

/** One supporter of a hospital's roster, keyed by their supporter id (their staff id). */
@Document(RosterDocument.COLLECTION)
public class RosterDocument extends OutboxDocument implements HoldsState<RosterEntry> {

    public static final String COLLECTION = "roster";

    private String hospitalId;
    private String displayName;
    /** Null in entries stored before nominations existed: read as certified. */
    private RosterEntry.Status status;
    private RosterEntry.NominatedBy nominatedBy;
    private ClinicalRole role;
    private String unit;
    private int yearsOfExperience;
    private List<String> languages;
    private List<Modality> modalities;
    private boolean takesNetworkRequests;
    private int capacity;
    private Instant certifiedUntil;

    protected RosterDocument() {
    }

    public RosterDocument(RosterEntry entry) {
        super(entry.supporterId());
        apply(entry);
    }

    @Override
    public void apply(RosterEntry entry) {
        hospitalId = entry.hospitalId();
        displayName = entry.displayName();
        status = entry.status();
        nominatedBy = entry.nominatedBy();
        role = entry.role();
        unit = entry.unit();
        yearsOfExperience = entry.yearsOfExperience();
        languages = entry.languages();
        modalities = entry.modalities();
        takesNetworkRequests = entry.takesNetworkRequests();
        capacity = entry.capacity();
        certifiedUntil = entry.certifiedUntil();
    }

    @Override
    public RosterEntry toDomain() {
        return new RosterEntry(getId(), hospitalId, displayName, status, nominatedBy, role, unit, yearsOfExperience,
                languages, modalities, takesNetworkRequests, capacity, certifiedUntil);
    }
}
