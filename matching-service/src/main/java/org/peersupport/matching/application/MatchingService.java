package org.peersupport.matching.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.peersupport.events.MatchEscalated;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.events.SupporterCertified;
import org.peersupport.matching.domain.MatchPolicy;
import org.peersupport.matching.domain.MatchRequest;
import org.peersupport.matching.domain.Supporter;
import org.peersupport.matching.persistence.AssignmentDocument;
import org.peersupport.matching.persistence.SupporterPool;
import org.peersupport.matching.persistence.SupporterDocument;
import org.peersupport.platform.messaging.EventCodec;
import org.peersupport.platform.outbox.AggregateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Keeps the supporter pool current and answers each submitted request exactly once. */
@Service
public class MatchingService {

    private static final Logger log = LoggerFactory.getLogger(MatchingService.class);

    private final AggregateStore<SupporterDocument> supporters;
    private final AggregateStore<AssignmentDocument> assignments;
    private final SupporterPool pool;
    private final MatchPolicy policy = new MatchPolicy();
    private final EventCodec codec;
    private final Clock clock;

    public MatchingService(AggregateStore<SupporterDocument> supporters, AggregateStore<AssignmentDocument> assignments,
            SupporterPool pool, EventCodec codec, Clock clock) {
        this.supporters = supporters;
        this.assignments = assignments;
        this.pool = pool;
        this.codec = codec;
        this.clock = clock;
    }

    public void onSupporterCertified(SupporterCertified event) {
        Supporter supporter = new Supporter(event.supporterId(), event.hospitalId(), event.role(), event.languages(),
                event.modalities(), event.capacity(), event.certifiedUntil());
        SupporterDocument fresh = new SupporterDocument(event.supporterId());
        fresh.apply(supporter);
        fresh.markHandled(event.eventId());
        if (supporters.insert(fresh)) {
            return;
        }
        supporters.update(event.supporterId(), document -> {
            if (!document.hasHandled(event.eventId())) {
                document.apply(supporter);
                document.markHandled(event.eventId());
            }
            return null;
        });
    }

    /**
     * Chooses a supporter, or escalates when there is none. The answer is stored under the request id together with
     * its event, so a redelivered request finds it and nothing is assigned twice, even across instances.
     */
    public void onRequestSubmitted(RequestSubmitted event) {
        if (assignments.find(event.requestId()).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        MatchRequest request = new MatchRequest(event.requestId(), event.hospitalId(), event.requesterRole());
        Optional<Supporter> chosen = policy.choose(request, pool.candidatesOf(event.hospitalId()), now);
        AssignmentDocument answer;
        if (chosen.isPresent()) {
            answer = new AssignmentDocument(event.requestId(), event.hospitalId(), event.requesterRef(),
                    chosen.get().id(), AssignmentDocument.Status.ACTIVE, now);
            answer.publish(new SupporterAssigned(UUID.randomUUID().toString(), now, event.hospitalId(),
                    event.requestId(), event.requesterRef(), chosen.get().id()), codec);
        } else {
            answer = new AssignmentDocument(event.requestId(), event.hospitalId(), event.requesterRef(), null,
                    AssignmentDocument.Status.ESCALATED, now);
            answer.publish(new MatchEscalated(UUID.randomUUID().toString(), now, event.hospitalId(),
                    event.requestId(), "NO_ELIGIBLE_SUPPORTER"), codec);
        }
        answer.markHandled(event.eventId());
        if (assignments.insert(answer)) {
            log.info("request {} {}", event.requestId(), chosen.isPresent() ? "assigned" : "escalated");
        }
    }
}
