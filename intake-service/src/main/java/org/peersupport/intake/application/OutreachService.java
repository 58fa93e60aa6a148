package org.peersupport.intake.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peersupport.events.OutreachOrigin;
import org.peersupport.events.RequestOrigin;
import org.peersupport.events.ReasonCategory;
import org.peersupport.intake.domain.Outreach;
import org.peersupport.intake.domain.Trigger;
import org.peersupport.intake.persistence.OfferLists;
import org.peersupport.intake.persistence.OutreachDocument;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.InvalidValue;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerTask;
import org.peersupport.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Outreach offers: made for a trigger's staff and for referred colleagues, seen and answered only by the person they
 * are for, ended by their expiry timer when nobody answers. Whoever caused an offer never learns the answer.
 */
@Service
public class OutreachService implements TimerHandler {

    private static final Logger log = LoggerFactory.getLogger(OutreachService.class);
    /** Referral offers to one person, ever; far beyond any real count, it only bounds the search for the open one. */
    private static final int MAX_REFERRAL_OFFERS = 10_000;

    private final AggregateStore<OutreachDocument> offers;
    private final OfferLists lists;
    private final RequestService requests;
    private final Requesters requesters;
    private final OutreachProperties properties;
    private final Clock clock;

    public OutreachService(AggregateStore<OutreachDocument> offers, OfferLists lists, RequestService requests,
            Requesters requesters, OutreachProperties properties, Clock clock) {
        this.offers = offers;
        this.lists = lists;
        this.requests = requests;
        this.requesters = requesters;
        this.properties = properties;
        this.clock = clock;
    }

    /** The pseudonym of a staff member, the same whether they ask for support themselves or are offered it. */
    String staffRef(String hospitalId, String staffSubject) {
        return requesters.ofStaff(hospitalId, staffSubject);
    }

    /**
     * Makes offer {@code id} unless it exists: idempotent. The person's list names the offer first, so an offer that
     * exists is always listed, whatever crashed in between.
     */
    private boolean offer(String id, String hospitalId, String staffRef, OutreachOrigin origin, String triggerId,
            ReasonCategory category, Instant expiresAt) {
        Decision<Outreach> decision = Outreach.offer(id, hospitalId, staffRef, origin, triggerId, category,
                clock.instant(), expiresAt);
        return offers.insert(new OutreachDocument(decision.state()), null, decision);
    }

    /**
     * Makes a trigger's offer to each person it names, each one single-document write, and returns how many were
     * new: run again (a fan-out resumed after a crash) it finds those made before and makes them no second time.
     */
    int offerEach(Trigger trigger) {
        Map<String, String> offerIds = new LinkedHashMap<>();
        trigger.staffRefs().forEach(staffRef -> offerIds.put(staffRef, Outreach.triggerOfferId(trigger.id(), staffRef)));
        lists.addAll(offerIds);
        int made = 0;
        for (Map.Entry<String, String> offer : offerIds.entrySet()) {
            if (offer(offer.getValue(), trigger.hospitalId(), offer.getKey(), OutreachOrigin.TRIGGER, trigger.id(),
                    trigger.category(), trigger.offersExpireAt())) {
                made++;
            }
        }
        return made;
    }

    /** Ends an offer left unanswered; the timer that says so ({@code causeId}) changes it once. */
    void expire(String offerId, String causeId) {
        offers.apply(offerId, causeId, (Outreach offer) -> offer.expire(clock.instant()));
    }

    /**
     * A supporter or coordinator refers a colleague: the colleague gets an offer, never a forced contact. While one
     * referral offer is open, referring them again is the same offer; the referrer learns nothing either way.
     */
    public void refer(Caller caller, String hospitalId, String colleagueStaffId, ReasonCategory category) {
        caller.require(Role.SUPPORTER, Role.COORDINATOR).requireHospital(hospitalId);
        if (colleagueStaffId.equals(caller.subject())) {
            throw new InvalidValue("colleagueStaffId", "names the referrer; ask for support with a request instead");
        }
        String staffRef = staffRef(hospitalId, colleagueStaffId);
        Instant now = clock.instant();
        for (int n = 0; n < MAX_REFERRAL_OFFERS; n++) {
            String id = Outreach.referralOfferId(hospitalId, staffRef, n);
            Optional<Outreach> existing = offers.find(id).map(OutreachDocument::toDomain);
            if (existing.isEmpty()) {
                // Two referrers at once both try this id; the store keeps one offer, which is open for both.
                lists.add(staffRef, id);
                if (offer(id, hospitalId, staffRef, OutreachOrigin.REFERRAL, null, category,
                        now.plus(properties.expiresAfter()))) {
                    log.info("referral offer {} made", id);
                }
                return;
            }
            if (existing.get().isOpen(now)) {
                return;
            }
        }
        throw new IllegalStateException("no referral offer id left");
    }

    /** The caller's own offers that can still be answered; nobody sees anyone else's. */
    public List<Outreach> openOffers(Caller caller, String hospitalId) {
        caller.require(Role.STAFF, Role.SUPPORTER, Role.COORDINATOR).requireHospital(hospitalId);
        String staffRef = staffRef(hospitalId, caller.subject());
        Instant now = clock.instant();
        return lists.offerIds(staffRef).stream()
                .map(id -> offers.find(id).map(OutreachDocument::toDomain))
                .flatMap(Optional::stream)
                .filter(offer -> offer.hospitalId().equals(hospitalId) && offer.staffRef().equals(staffRef))
                .filter(offer -> offer.isOpen(now))
                .toList();
    }

    /**
     * Yes to an offer: it is marked accepted (a late or answered offer refuses, 409), then the request is submitted as
     * a self-referral would be, keyed by the offer, so a retried acceptance (or one cut short between the two
     * writes) returns the same request.
     */
    public RequestService.Submitted accept(Caller caller, String hospitalId, String offerId, NewRequest asked) {
        caller.require(Role.STAFF, Role.SUPPORTER, Role.COORDINATOR).requireHospital(hospitalId);
        Outreach offer = own(caller, hospitalId, offerId);
        offers.apply(offerId, null, (Outreach current) -> current.accept(clock.instant()));
        RequestService.Submitted submitted = requests.submit(caller, hospitalId, requestFor(offer, asked),
                Optional.of("outreach-" + offerId));
        log.info("offer {} accepted", offerId);
        return submitted;
    }

    /** No to an offer: it ends, counted only in aggregate. */
    public void decline(Caller caller, String hospitalId, String offerId) {
        caller.require(Role.STAFF, Role.SUPPORTER, Role.COORDINATOR).requireHospital(hospitalId);
        own(caller, hospitalId, offerId);
        offers.apply(offerId, null, (Outreach current) -> current.decline(clock.instant()));
        log.info("offer {} declined", offerId);
    }

    /**
     * The one place a request is built from an offer's acceptance: what the person asked for, as a self-referral
     * asks, marked as started by the trigger or the referral; the offer's category stands when the person gave none.
     */
    private static NewRequest requestFor(Outreach offer, NewRequest asked) {
        NewRequest started = asked.withOrigin(offer.origin() == OutreachOrigin.TRIGGER ? RequestOrigin.TRIGGER
                : RequestOrigin.REFERRAL);
        return asked.details().reasonCategory() == null && offer.category() != null
                ? started.withReason(offer.category()) : started;
    }

    private Outreach own(Caller caller, String hospitalId, String offerId) {
        String staffRef = staffRef(hospitalId, caller.subject());
        return offers.find(offerId).map(OutreachDocument::toDomain)
                .filter(offer -> offer.hospitalId().equals(hospitalId) && offer.staffRef().equals(staffRef))
                .orElseThrow(() -> new NotFoundException("Offer"));
    }

    @Override
    public String type() {
        return Outreach.EXPIRY_TIMER;
    }

    /** Idempotent by timer id; an offer answered before its expiry stays as answered. */
    @Override
    public void fire(TimerTask timer) {
        expire(timer.aggregateId(), timer.id());
    }
}
