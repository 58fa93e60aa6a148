package org.peersupport.intake.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.intake.domain.Contact;
import org.peersupport.intake.domain.SupportRequest;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.crypto.FieldCipher;
import org.peersupport.platform.crypto.FieldCipher.FieldRef;
import org.peersupport.platform.crypto.Pseudonyms;
import org.peersupport.platform.messaging.TrustPolicy;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.Applied;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What happens when a request arrives over HTTP, and when matching answers about it. */
@Service
public class RequestService {

    private static final Logger log = LoggerFactory.getLogger(RequestService.class);

    private final AggregateStore<RequestDocument> requests;
    private final FieldCipher cipher;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public RequestService(AggregateStore<RequestDocument> requests, FieldCipher cipher, Pseudonyms pseudonyms,
            Clock clock) {
        this.requests = requests;
        this.cipher = cipher;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** The outcome of a submission: the stored request, and whether this call created it. */
    public record Submitted(SupportRequest request, boolean created) {
    }

    /**
     * Stores the request with its sealed contact details and its {@code RequestSubmitted} event in one write.
     * With an idempotency key, a retried submission returns the request the first one made.
     */
    public Submitted submit(Caller caller, String hospitalId, NewRequest command, Optional<String> idempotencyKey) {
        caller.require(Role.STAFF, Role.SUPPORTER, Role.COORDINATOR).requireHospital(hospitalId);
        String id = idempotencyKey
                .map(key -> UUID.nameUUIDFromBytes((hospitalId + "\u0000" + caller.subject() + "\u0000" + key)
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .orElseGet(() -> UUID.randomUUID().toString());
        String requesterRef = requesterRef(caller, hospitalId);
        Decision<SupportRequest> decision = SupportRequest.submit(id, hospitalId, requesterRef,
                command.requesterRole(), command.preferredModality(), command.preferredLanguage(),
                command.outsideHospitalPreferred(), clock.instant());
        RequestDocument document = new RequestDocument(decision.state(),
                seal(hospitalId, id, command.contact(), caller.subject()));
        if (requests.insert(document, null, decision)) {
            log.info("request {} submitted", id);
            return new Submitted(decision.state(), true);
        }
        SupportRequest existing = requests.find(id).map(RequestDocument::toDomain)
                .filter(request -> request.requesterRef().equals(requesterRef))
                .orElseThrow(() -> new NotFoundException("Request"));
        return new Submitted(existing, false);
    }

    /** A request's state, for its requester or a coordinator of its hospital; anyone else learns nothing. */
    public SupportRequest status(Caller caller, String hospitalId, String requestId) {
        caller.requireHospital(hospitalId);
        SupportRequest request = requests.find(requestId).map(RequestDocument::toDomain)
                .filter(r -> r.hospitalId().equals(hospitalId))
                .orElseThrow(() -> new NotFoundException("Request"));
        boolean requester = request.requesterRef().equals(requesterRef(caller, hospitalId));
        if (!requester && !caller.has(Role.COORDINATOR)) {
            throw new NotFoundException("Request");
        }
        return request;
    }

    public void onSupporterAssigned(SupporterAssigned event) {
        change(event, request -> request.assigned(event.supporterId(), event.occurredAt()));
    }

    public void onMatchEscalated(MatchEscalated event) {
        change(event, request -> request.escalated(event));
    }

    private void change(DomainEvent event, Function<SupportRequest, Decision<SupportRequest>> transition) {
        Applied<SupportRequest> applied = requests.apply(event.subject(), event.eventId(), (SupportRequest request) -> {
            // Matching answers only about its own hospital's requests; an answer naming another hospital is forged.
            TrustPolicy.requireSameHospital(event, request.hospitalId());
            return transition.apply(request);
        });
        if (!applied.found()) {
            throw new IllegalStateException("no request for event " + event.eventId());
        }
    }

    private String requesterRef(Caller caller, String hospitalId) {
        return pseudonyms.of("rq", hospitalId, caller.subject());
    }

    private RequestDocument.SealedContact seal(String hospitalId, String id, Contact contact, String subject) {
        return new RequestDocument.SealedContact(
                cipher.encrypt(new FieldRef(hospitalId, RequestDocument.COLLECTION, id, "contact.name"), contact.name()),
                cipher.encrypt(new FieldRef(hospitalId, RequestDocument.COLLECTION, id, "contact.phone"), blankToNull(contact.phone())),
                cipher.encrypt(new FieldRef(hospitalId, RequestDocument.COLLECTION, id, "contact.email"), blankToNull(contact.email())),
                cipher.encrypt(new FieldRef(hospitalId, RequestDocument.COLLECTION, id, "requesterSubject"), subject));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
