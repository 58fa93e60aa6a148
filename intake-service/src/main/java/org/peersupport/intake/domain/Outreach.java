package org.peersupport.intake.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.peersupport.events.OutreachDeclined;
import org.peersupport.events.OutreachExpired;
import org.peersupport.events.OutreachOffered;
import org.peersupport.events.OutreachOrigin;
import org.peersupport.events.ReasonCategory;
import org.peersupport.platform.kernel.Decision;

/**
 * An offer of peer support to one staff member who did not ask (a hospital trigger named them, or a colleague
 * referred them). Voluntary: only their acceptance becomes a request; a decline or no answer before it expires
 * ends it, and nobody but the staff member learns which. {@code staffRef} is the pseudonym intake gives the same
 * person as a requester. {@code triggerId} is set only for an offer a trigger made.
 */
public record Outreach(
        String id,
        String hospitalId,
        String staffRef,
        OutreachOrigin origin,
        String triggerId,
        ReasonCategory category,
        Status status,
        Instant offeredAt,
        Instant expiresAt,
        Instant answeredAt) {

    /** The type of the timer that ends an unanswered offer. */
    public static final String EXPIRY_TIMER = "intake.outreach-expiry";

    public enum Status {
        OFFERED, ACCEPTED, DECLINED, EXPIRED
    }

    /**
     * Offers {@code staffRef} support until {@code expiresAt}. A referral's offer asks for its own expiry timer; a
     * trigger's offers expire together on their trigger's one timer, so a trigger naming hundreds of people schedules
     * one timer, not hundreds.
     */
    public static Decision<Outreach> offer(String id, String hospitalId, String staffRef, OutreachOrigin origin,
            String triggerId, ReasonCategory category, Instant now, Instant expiresAt) {
        if ((origin == OutreachOrigin.TRIGGER) != (triggerId != null)) {
            throw new IllegalArgumentException("a trigger's offer names its trigger, a referral's names none");
        }
        Outreach offered = new Outreach(id, hospitalId, staffRef, origin, triggerId, category, Status.OFFERED, now,
                expiresAt, null);
        Decision<Outreach> decision = Decision.to(offered).publishing(new OutreachOffered(newEventId(), now,
                hospitalId, id, staffRef, origin, expiresAt));
        return origin == OutreachOrigin.REFERRAL
                ? decision.scheduling(new Decision.Timer("expiry", EXPIRY_TIMER, hospitalId, expiresAt, Map.of()))
                : decision;
    }

    /** The id of the offer a trigger makes to one of the staff it names: a retried fan-out makes the same one. */
    public static String triggerOfferId(String triggerId, String staffRef) {
        return nameUuid("trigger-offer", triggerId, staffRef);
    }

    /**
     * The id of the {@code n}-th referral offer to {@code staffRef} (0, 1, …): the same colleague referred again while
     * offer {@code n} is open gets offer {@code n}; once it is answered or over, the next referral makes {@code n + 1}.
     */
    public static String referralOfferId(String hospitalId, String staffRef, int n) {
        return nameUuid("referral-offer", hospitalId, staffRef, String.valueOf(n));
    }

    /** Whether the offer can still be answered at {@code now}. */
    public boolean isOpen(Instant now) {
        return status == Status.OFFERED && now.isBefore(expiresAt);
    }

    /** Yes: the request follows (intake submits it). A retried acceptance changes nothing. */
    public Decision<Outreach> accept(Instant now) {
        if (status == Status.ACCEPTED) {
            return Decision.unchanged(this);
        }
        requireOpen(now);
        return Decision.to(answered(Status.ACCEPTED, now));
    }

    /** No, thank you: the offer ends, counted only in aggregate. A retried decline changes nothing. */
    public Decision<Outreach> decline(Instant now) {
        if (status == Status.DECLINED) {
            return Decision.unchanged(this);
        }
        requireOpen(now);
        return Decision.to(answered(Status.DECLINED, now))
                .publishing(new OutreachDeclined(newEventId(), now, hospitalId, id, origin));
    }

    /** No answer in time: the offer ends. An answered offer (or a timer firing again) changes nothing. */
    public Decision<Outreach> expire(Instant now) {
        if (status != Status.OFFERED) {
            return Decision.unchanged(this);
        }
        return Decision.to(new Outreach(id, hospitalId, staffRef, origin, triggerId, category, Status.EXPIRED,
                        offeredAt, expiresAt, null))
                .publishing(new OutreachExpired(newEventId(), now, hospitalId, id, origin));
    }

    private void requireOpen(Instant now) {
        if (!isOpen(now)) {
            throw new OfferNotOpen(status == Status.OFFERED ? Status.EXPIRED : status);
        }
    }

    private Outreach answered(Status answer, Instant now) {
        return new Outreach(id, hospitalId, staffRef, origin, triggerId, category, answer, offeredAt, expiresAt, now);
    }

    private static String nameUuid(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
