package org.peersupport.matching.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.matching.domain.Caseload;
import org.peersupport.matching.domain.Supporter;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One supporter of the pool, built from training's events, with the requests they hold: a place is taken by one
 * guarded write of this document, which also carries the {@code SupporterAssigned} it publishes.
 */
@Document(SupporterDocument.COLLECTION)
public class SupporterDocument extends OutboxDocument implements HoldsState<Supporter> {

    public static final String COLLECTION = "supporters";

    private String hospitalId;
    private ClinicalRole role;
    private List<String> languages;
    private List<Modality> modalities;
    private int capacity;
    private Instant certifiedUntil;
    private List<String> activeRequestIds = new ArrayList<>();
    private List<String> refusedAttempts = new ArrayList<>();

    protected SupporterDocument() {
    }

    public SupporterDocument(String id) {
        super(id);
    }

    @Override
    public void apply(Supporter supporter) {
        hospitalId = supporter.hospitalId();
        role = supporter.role();
        languages = List.copyOf(supporter.languages());
        modalities = List.copyOf(supporter.modalities());
        capacity = supporter.capacity();
        certifiedUntil = supporter.certifiedUntil();
    }

    public void apply(Caseload caseload) {
        activeRequestIds = new ArrayList<>(caseload.requestIds());
        refusedAttempts = new ArrayList<>(caseload.refusedAttempts());
    }

    @Override
    public Supporter toDomain() {
        return new Supporter(getId(), hospitalId, role, languages, modalities, capacity, certifiedUntil);
    }

    public Caseload caseload() {
        return new Caseload(activeRequestIds, refusedAttempts);
    }

    public String getHospitalId() {
        return hospitalId;
    }
}
