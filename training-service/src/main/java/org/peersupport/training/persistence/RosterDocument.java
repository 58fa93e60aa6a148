package org.peersupport.training.persistence;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.platform.outbox.OutboxDocument;
import org.peersupport.training.domain.RosterEntry;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(RosterDocument.COLLECTION)
public class RosterDocument extends OutboxDocument {

    public static final String COLLECTION = "roster";

    private String hospitalId;
    private String displayName;
    private ClinicalRole role;
    private int yearsOfExperience;
    private List<String> languages;
    private List<Modality> modalities;
    private int capacity;
    private Instant certifiedUntil;

    protected RosterDocument() {
    }

    public RosterDocument(RosterEntry entry) {
        super(entry.supporterId());
        hospitalId = entry.hospitalId();
        displayName = entry.displayName();
        role = entry.role();
        yearsOfExperience = entry.yearsOfExperience();
        languages = entry.languages();
        modalities = entry.modalities();
        capacity = entry.capacity();
        certifiedUntil = entry.certifiedUntil();
    }

    public RosterEntry toDomain() {
        return new RosterEntry(getId(), hospitalId, displayName, role, yearsOfExperience, languages, modalities,
                capacity, certifiedUntil);
    }
}
