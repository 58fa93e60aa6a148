package org.peersupport.matching.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.matching.domain.Availability;
import org.peersupport.matching.domain.Candidate;
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
    /** Null for a supporter certified before training sent units. */
    private String unit;
    private boolean takesNetworkRequests;
    private List<String> activeRequestIds = new ArrayList<>();
    private List<String> refusedAttempts = new ArrayList<>();
    private Instant lastAssignedAt;
    private List<String> supportedRequesterRefs = new ArrayList<>();
    private List<Instant> takenThisWeek = new ArrayList<>();
    private Availability.Status availability;
    private Instant restUntil;
    private Instant coolDownUntil;
    /** Requests offered to this supporter and maybe still open: a shortcut, checked against each assignment. */
    private List<String> openOffers = new ArrayList<>();

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
        unit = supporter.unit();
        takesNetworkRequests = supporter.takesNetworkRequests();
    }

    public void apply(Caseload caseload) {
        activeRequestIds = new ArrayList<>(caseload.requestIds());
        refusedAttempts = new ArrayList<>(caseload.refusedAttempts());
        lastAssignedAt = caseload.lastAssignedAt();
        supportedRequesterRefs = new ArrayList<>(caseload.supportedRequesterRefs());
        takenThisWeek = new ArrayList<>(caseload.takenThisWeek());
    }

    /** A reservation's caseload and, when it reached the hospital's rule, the cool-down it gives. */
    public void apply(Caseload.Reservation reservation) {
        apply(reservation.caseload());
        if (reservation.coolDownUntil() != null) {
            apply(availability().coolingDownUntil(reservation.coolDownUntil()));
        }
    }

    public void apply(Availability set) {
        availability = set.status();
        restUntil = set.restUntil();
        coolDownUntil = set.coolDownUntil();
    }

    public Availability availability() {
        return new Availability(availability, restUntil, coolDownUntil);
    }

    /** Lists a request offered to this supporter; true when it was not listed yet. */
    public boolean listOffer(String requestId) {
        if (openOffers == null) {
            openOffers = new ArrayList<>();
        }
        return !openOffers.contains(requestId) && openOffers.add(requestId);
    }

    /** Drops a request from the offers listed; true when it was listed. */
    public boolean unlistOffer(String requestId) {
        return openOffers != null && openOffers.remove(requestId);
    }

    public List<String> openOffers() {
        return openOffers == null ? List.of() : List.copyOf(openOffers);
    }

    /** This supporter as a candidate, with matching's own state of them. */
    public Candidate candidate() {
        Caseload caseload = caseload();
        // Involvement in events and listed conflicts have no source yet (intake's triggers, training's profile).
        return new Candidate(toDomain(), availability(), caseload.active(), openOffers().size(),
                caseload.lastAssignedAt(), Set.of(), Set.of(), Set.copyOf(caseload.supportedRequesterRefs()));
    }

    @Override
    public Supporter toDomain() {
        return new Supporter(getId(), hospitalId, role, languages, modalities, capacity, certifiedUntil, unit,
                takesNetworkRequests);
    }

    public Caseload caseload() {
        return new Caseload(activeRequestIds, refusedAttempts, lastAssignedAt, supportedRequesterRefs, takenThisWeek);
    }

    public String getHospitalId() {
        return hospitalId;
    }
}
