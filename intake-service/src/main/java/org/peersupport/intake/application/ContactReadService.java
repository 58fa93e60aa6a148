package org.peersupport.intake.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.peersupport.intake.application.ContactSealer.OpenedContact;
import org.peersupport.intake.domain.ContactRead;
import org.peersupport.intake.domain.ContactRead.Outcome;
import org.peersupport.intake.domain.SupportRequest;
import org.peersupport.intake.persistence.ContactReads;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.web.InvalidInputException;
import org.peersupport.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The assigned supporter's read of their requester's contact details, and its audit. Only the supporter who holds
 * the request now (assigned to them, neither withdrawn nor closed) may read it; nobody else, not the coordinator, not
 * an admin: they get 404 as for a request that does not exist. Every attempt is audited before anything is opened
 * (who, when, which request, granted or refused; never a value), and the hospital's coordinator reads the audit.
 */
@Service
public class ContactReadService {

    private static final Logger log = LoggerFactory.getLogger(ContactReadService.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern HOSPITAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final AggregateStore<RequestDocument> requests;
    private final ContactSealer sealer;
    private final ContactReads audit;
    private final Clock clock;

    ContactReadService(AggregateStore<RequestDocument> requests, ContactSealer sealer, ContactReads audit,
            Clock clock) {
        this.requests = requests;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    /** The contact details of a request, for the supporter who holds it; audited, granted or not. */
    public OpenedContact read(Caller caller, String hospitalId, String requestId) {
        if (!HOSPITAL_ID.matcher(hospitalId).matches()) {
            throw new InvalidInputException("hospitalId", "must be a hospital id");
        }
        requireRequestId(requestId);
        boolean ownHospital = caller.hospitalId().filter(hospitalId::equals).isPresent();
        Optional<RequestDocument> held = ownHospital ? requests.find(requestId)
                .filter(document -> hospitalId.equals(document.toDomain().hospitalId()))
                .filter(document -> mayRead(document.toDomain(), caller))
                .filter(document -> document.contact() != null) : Optional.empty();
        audit.record(new ContactRead(hospitalId, requestId, caller.subject(), caller.hospitalId().orElse(null),
                clock.instant(), held.isPresent() ? Outcome.GRANTED : Outcome.REFUSED));
        if (!ownHospital) {
            // Tenancy as on every endpoint: another hospital's principal is refused outright.
            throw new AccessDeniedException("principal belongs to another hospital");
        }
        if (held.isEmpty()) {
            log.info("contact read of request {} refused", requestId);
            throw new NotFoundException("Request");
        }
        log.info("contact of request {} read by its supporter", requestId);
        return sealer.open(hospitalId, RequestDocument.COLLECTION, requestId, held.get().contact());
    }

    /** The audit of one request's contact reads, for the hospital's coordinator. */
    public List<ContactRead> readsOf(Caller caller, String hospitalId, String requestId) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        requireRequestId(requestId);
        return audit.ofRequest(hospitalId, requestId);
    }

    /** The audit of a day's contact reads (UTC) in the hospital, for its coordinator. */
    public List<ContactRead> readsOn(Caller caller, String hospitalId, LocalDate day) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        return audit.ofDay(hospitalId, day);
    }

    private static void requireRequestId(String requestId) {
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw new InvalidInputException("requestId", "must be a request reference");
        }
    }

    /** Only a supporter who holds the request now: not its coordinator, not an admin, not its earlier supporter. */
    private static boolean mayRead(SupportRequest request, Caller caller) {
        return caller.has(Role.SUPPORTER) && request.heldBy(caller.subject());
    }
}
