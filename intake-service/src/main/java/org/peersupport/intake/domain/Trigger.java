package org.peersupport.intake.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peersupport.events.GroupDebriefSuggested;
import org.peersupport.events.ReasonCategory;
import org.peersupport.platform.kernel.Decision;

/**
 * A hospital system's adverse-event trigger, as intake keeps it: when and what kind, and the staff it named by
 * pseudonym only (never the hospital's staff ids, never anything about the patient). Receiving it decides everything
 * at once (the debrief suggestion, and that each named person gets an offer); the offers are then made one document
 * each by the fan-out timer, which may run again after a crash and makes the same offers, until the trigger is
 * marked fanned out.
 */
public record Trigger(
        String id,
        String hospitalId,
        Instant occurredAt,
        ReasonCategory category,
        List<String> staffRefs,
        Status status,
        Instant receivedAt,
        Instant offersExpireAt) {

    /** The type of the timer that makes (or finishes making) a trigger's offers. */
    public static final String FAN_OUT_TIMER = "intake.trigger-fan-out";
    /** The type of the timer that ends the trigger's offers left unanswered, all at once. */
    public static final String OFFERS_EXPIRY_TIMER = "intake.trigger-offers-expiry";

    public enum Status {
        FANNING_OUT, FANNED_OUT
    }

    public Trigger {
        staffRefs = List.copyOf(staffRefs);
    }

    /** One trigger per hospital event: the same hospital event id again, through any door, is the same trigger. */
    public static String idFor(String hospitalId, String hospitalEventId) {
        return UUID.nameUUIDFromBytes(("trigger\u0000" + hospitalId + "\u0000" + hospitalEventId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Receives a trigger naming {@code staffRefs} (repeats counted once): the fan-out is due at once, its offers
     * are open for {@code offerWindow} from now (however late a resumed fan-out makes one) and end together on one
     * timer, and a group debrief is suggested when at least {@code debriefThreshold} people were named.
     */
    public static Decision<Trigger> receive(String id, String hospitalId, Instant occurredAt, ReasonCategory category,
            List<String> staffRefs, Instant now, Duration offerWindow, int debriefThreshold) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(staffRefs));
        Trigger received = new Trigger(id, hospitalId, occurredAt, category, distinct, Status.FANNING_OUT, now,
                now.plus(offerWindow));
        Decision<Trigger> decision = Decision.to(received)
                .scheduling(new Decision.Timer("fan-out", FAN_OUT_TIMER, hospitalId, now, Map.of()))
                .scheduling(new Decision.Timer("offers-expiry", OFFERS_EXPIRY_TIMER, hospitalId,
                        received.offersExpireAt(), Map.of()));
        if (distinct.size() >= debriefThreshold) {
            decision = decision.publishing(new GroupDebriefSuggested(newEventId(), now, hospitalId, id,
                    distinct.size()));
        }
        return decision;
    }

    /** Every offer is made. Said again (the fan-out timer firing after a crash), it changes nothing. */
    public Decision<Trigger> fannedOut() {
        if (status == Status.FANNED_OUT) {
            return Decision.unchanged(this);
        }
        return Decision.to(new Trigger(id, hospitalId, occurredAt, category, staffRefs, Status.FANNED_OUT,
                receivedAt, offersExpireAt));
    }
}
