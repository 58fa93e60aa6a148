package org.peersupport.matching.persistence;

import java.time.Instant;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.matching.domain.Supporter;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** The pool's read model of one supporter, built from training's events. */
@Document(SupporterDocument.COLLECTION)
public class SupporterDocument extends OutboxDocument {

    public static final String COLLECTION = "supporters";

    private String hospitalId;
    private ClinicalRole role;
    private List<String> languages;
    private List<Modality> modalities;
    private int capacity;
    private Instant certifiedUntil;

    protected SupporterDocument() {
    }

    public SupporterDocument(String id) {
        super(id);
    }

    public void apply(Supporter supporter) {
        hospitalId = supporter.hospitalId();
        role = supporter.role();
        languages = List.copyOf(supporter.languages());
        modalities = List.copyOf(supporter.modalities());
        capacity = supporter.capacity();
        certifiedUntil = supporter.certifiedUntil();
    }

    public Supporter toDomain() {
        return new Supporter(getId(), hospitalId, role, languages, modalities, capacity, certifiedUntil);
    }
}
