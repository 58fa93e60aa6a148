package org.peersupport.intake.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.intake.domain.SupportRequest;
import org.peersupport.intake.persistence.OpenRequests;
import org.peersupport.intake.persistence.RequestDocument;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.messaging.TrustPolicy;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.outbox.Applied;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.web.IdempotencyKeyReusedException;
import org.peersupport.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What happens when a request arrives over HTTP, when its requester withdraws it, and when matching answers about it. */
@Service
public class RequestService {

    private static final Logger log = LoggerFactory.getLogger(RequestService.class);
    /** A claim whose request was never stored after this long was left by a crash, and may be taken over. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(30);
    private static final int CLAIM_ATTEMPTS = 3;

    private final AggregateStore<RequestDocument> requests;
    private final OpenRequests open;
    private final Requesters requesters;
    private final ContactSealer sealer;
    private final SubmissionLimit limit;
    private final RetentionProperties retention;
    private final Clock clock;

    public RequestService(AggregateStore<RequestDocument> requests, OpenRequests open, Requesters requesters,
            ContactSealer sealer, SubmissionLimit limit, RetentionProperties retention, Clock clock) {
        this.requests = requests;
        this.open = open;
        this.requesters = requesters;
        this.sealer = sealer;
        this.limit = limit;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * The outcome of a submission: the stored request, and whether this call created it, replayed it (the same
     * Idempotency-Key and body again) or found the requester's one open request already there.
     */
    public record Submitted(SupportRequest request, Outcome outcome) {

        public enum Outcome {
            CREATED, REPLAYED, ALREADY_OPEN
        }

        public boolean created() {
            return outcome == Outcome.CREATED;
        }
    }

    /**
     * Stores the request with its sealed contact details and its {@code RequestSubmitted} event in one write. With
     * an idempotency key, a retried submission returns the request the first one made (422 for another body); a
     * requester with an open request gets that one back instead of a second.
     */
    public Submitted submit(Caller caller, String hospitalId, NewRequest command, Optional<String> idempotencyKey) {
        caller.require(Role.STAFF, Role.SUPPORTER, Role.COORDINATOR).requireHospital(hospitalId);
        limit.count(caller, hospitalId, SubmissionLimit.Door.SELF);
        return store(caller, hospitalId, requesters.of(caller, hospitalId), caller.subject(), command,
                command.canonical(), idempotencyKey);
    }

    /**
     * A coordinator records a request for someone who called, wrote or walked in. The caller's contact is sealed
     * the same way, and they are the same requester as when they ask themselves (by staff id) or call again (by
     * contact), so one open request holds across doors.
     */
    public Submitted recordOnBehalf(Caller caller, String hospitalId, NewRequest command, OnBehalf onBehalf,
            Optional<String> idempotencyKey) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        limit.count(caller, hospitalId, SubmissionLimit.Door.ON_BEHALF);
        NewRequest recorded = command.withOrigin(RequestOrigin.ON_BEHALF);
        String requesterRef = requesters.onBehalf(hospitalId, onBehalf, recorded.contact());
        return store(caller, hospitalId, requesterRef, onBehalf.staffId().orElse(null), recorded,
                recorded.canonical(onBehalf.channel().name(), onBehalf.staffId().orElse("")), idempotencyKey);
    }

    private Submitted store(Caller caller, String hospitalId, String requesterRef, String requesterSubject,
            NewRequest command, String canonical, Optional<String> idempotencyKey) {
        String id = idempotencyKey
                .map(key -> UUID.nameUUIDFromBytes((hospitalId + "\u0000" + caller.subject() + "\u0000" + key)
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .orElseGet(() -> UUID.randomUUID().toString());
        String fingerprint = requesters.fingerprint(hospitalId, canonical);
        if (idempotencyKey.isPresent()) {
            Optional<Submitted> replayed = replay(id, requesterRef, fingerprint);
            if (replayed.isPresent()) {
                return replayed.get();
            }
        }
        Instant now = clock.instant();
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            OpenRequests.Holder holder = open.claim(requesterRef, id, now);
            if (!holder.requestId().equals(id)) {
                Optional<SupportRequest> held = requests.find(holder.requestId()).map(RequestDocument::toDomain);
                if (held.isPresent() && held.get().isOpen()) {
                    log.info("request {} is already open for its requester", held.get().id());
                    return new Submitted(held.get(), Submitted.Outcome.ALREADY_OPEN);
                }
                boolean abandoned = held.isPresent() || holder.claimedAt().isBefore(now.minus(CLAIM_TIMEOUT));
                if (!abandoned) {
                    throw new SubmissionInProgress();
                }
                // Its request was withdrawn (and the release lost) or never stored: the place is free.
                open.takeOver(requesterRef, holder.requestId(), id, now);
                continue;
            }
            Decision<SupportRequest> decision = SupportRequest.submit(id, hospitalId, requesterRef, command.details(),
                    now);
            RequestDocument document = new RequestDocument(decision.state(), sealer.seal(hospitalId,
                    RequestDocument.COLLECTION, id, command.contact(), command.contactPreference(), requesterSubject),
                    fingerprint);
            if (requests.insert(document, null, decision)) {
                log.info("request {} submitted", id);
                return new Submitted(decision.state(), Submitted.Outcome.CREATED);
            }
            return replay(id, requesterRef, fingerprint).orElseThrow(() -> new NotFoundException("Request"));
        }
        throw new SubmissionInProgress();
    }

    /** The request an Idempotency-Key made before, if any: the same body returns it, another body is refused. */
    private Optional<Submitted> replay(String id, String requesterRef, String fingerprint) {
        Optional<RequestDocument> stored = requests.find(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        // Requests stored before fingerprints were kept have none: they replay as before.
        if (stored.get().fingerprint() != null && !stored.get().fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        SupportRequest existing = stored.get().toDomain();
        if (!Objects.equals(existing.requesterRef(), requesterRef)) {
            throw new NotFoundException("Request");
        }
        return Optional.of(new Submitted(existing, Submitted.Outcome.REPLAYED));
    }

    /** A request's state, for its requester or a coordinator of its hospital; anyone else learns nothing. */
    public SupportRequest status(Caller caller, String hospitalId, String requestId) {
        caller.requireHospital(hospitalId);
        SupportRequest request = requests.find(requestId).map(RequestDocument::toDomain)
                .filter(r -> r.hospitalId().equals(hospitalId))
                .orElseThrow(() -> new NotFoundException("Request"));
        // A purged request names no requester any more: only the coordinator still sees what is left of it.
        boolean requester = Objects.equals(request.requesterRef(), requesters.of(caller, hospitalId));
        if (!requester && !caller.has(Role.COORDINATOR)) {
            throw new NotFoundException("Request");
        }
        return request;
    }

    /** The outcome of a withdrawal: the request, and whether this call withdrew it (false: it was already). */
    public record Withdrawal(SupportRequest request, boolean changed) {
    }

    /**
     * The requester (or their hospital's coordinator) withdraws the request, at any stage. {@code RequestWithdrawn}
     * and the purge timer (at the end of the hospital's retention period) go out in the same write, and the
     * requester's place for an open request is freed. Withdrawing again, or a closed request, changes nothing.
     */
    public Withdrawal withdraw(Caller caller, String hospitalId, String requestId) {
        SupportRequest request = status(caller, hospitalId, requestId);
        Applied<SupportRequest> applied = requests.apply(requestId, null,
                (SupportRequest current) -> current.withdraw(clock.instant(), retention.of(hospitalId)));
        // Also when it was withdrawn already: the first call may have stopped before freeing the place.
        if (request.requesterRef() != null) {
            open.release(request.requesterRef(), requestId);
        }
        Optional<SupportRequest> withdrawn = applied.changedTo();
        if (withdrawn.isPresent()) {
            log.info("request {} withdrawn", requestId);
            return new Withdrawal(withdrawn.get(), true);
        }
        return new Withdrawal(requests.find(requestId).map(RequestDocument::toDomain).orElse(request), false);
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
}
