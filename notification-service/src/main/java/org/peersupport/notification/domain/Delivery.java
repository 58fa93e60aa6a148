package org.peersupport.notification.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peersupport.events.NotificationFailed;
import org.peersupport.events.NotificationSent;
import org.peersupport.platform.kernel.Decision;

/**
 * One notice to one person over their outside channels (email, SMS), tried in the order they chose: the first that
 * takes it ends the delivery ({@code NotificationSent}); a channel that fails after its retry budget hands over to
 * the next; when none is left the delivery has failed ({@code NotificationFailed}) and the coordinator sees it. Each
 * attempt is a durable timer, so a restart resumes where it was. The key of each channel's message is the same
 * {@link Notification#idFor} of cause, recipient and channel, sent to the provider as its idempotency key.
 */
public record Delivery(String id, String causeId, String hospitalId, String recipientId, Notice notice,
        String aboutId, List<Channel> channels, int current, Status status, Channel sentOn, Instant offerExpiresAt,
        Instant createdAt, Instant doneAt, int round) {

    public static final String DELIVER_TIMER = "notification.deliver";
    public static final String ATTEMPT = "attempt";
    public static final String ROUND = "round";

    public enum Status {
        PENDING, SENT, FAILED
    }

    public Delivery {
        channels = List.copyOf(channels);
    }

    /** The id of the delivery that {@code causeId} makes to {@code recipientId}. */
    public static String idFor(String causeId, String recipientId) {
        return UUID.nameUUIDFromBytes((causeId + "\u0000" + recipientId + "\u0000delivery")
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Plans the delivery over {@code channels}, its first attempt due at {@code dueAt} (quiet hours considered). */
    public static Decision<Delivery> plan(String causeId, String hospitalId, String recipientId, Notice notice,
            String aboutId, List<Channel> channels, Instant offerExpiresAt, Instant dueAt, Instant now) {
        if (channels.isEmpty() || channels.stream().anyMatch(c -> !c.outside())) {
            throw new IllegalArgumentException("a delivery needs outside channels");
        }
        Delivery planned = new Delivery(idFor(causeId, recipientId), causeId, hospitalId, recipientId, notice,
                aboutId, channels, 0, Status.PENDING, null, offerExpiresAt, now, null, 0);
        return Decision.to(planned).scheduling(planned.attemptTimer(0, dueAt));
    }

    /** The channel being tried now, or null once the delivery is over. */
    public Channel channel() {
        return status == Status.PENDING ? channels.get(current) : null;
    }

    /** The key of this delivery's message on {@code channel}: the providers' idempotency key. */
    public String keyFor(Channel channel) {
        return Notification.idFor(causeId, recipientId, channel);
    }

    /** {@code channel} took the message. Said again, or of a channel no longer tried, it changes nothing. */
    public Decision<Delivery> sent(Channel channel, Instant now) {
        if (status != Status.PENDING || channel != channel()) {
            return Decision.unchanged(this);
        }
        Delivery sent = new Delivery(id, causeId, hospitalId, recipientId, notice, aboutId, channels, current,
                Status.SENT, channel, offerExpiresAt, createdAt, now, round);
        return Decision.to(sent).publishing(new NotificationSent(newEventId(), now, hospitalId, keyFor(channel),
                recipientId, channel.name(), notice.name()));
    }

    /** {@code channel} failed after its budget: the next channel is tried at once, or the delivery has failed. */
    public Decision<Delivery> failedOn(Channel channel, Instant now) {
        if (status != Status.PENDING || channel != channel()) {
            return Decision.unchanged(this);
        }
        int next = current + 1;
        if (next < channels.size()) {
            Delivery moved = new Delivery(id, causeId, hospitalId, recipientId, notice, aboutId, channels, next,
                    Status.PENDING, null, offerExpiresAt, createdAt, null, round);
            return Decision.to(moved).scheduling(moved.attemptTimer(next, now));
        }
        Delivery failed = new Delivery(id, causeId, hospitalId, recipientId, notice, aboutId, channels, current,
                Status.FAILED, null, offerExpiresAt, createdAt, now, round);
        return Decision.to(failed).publishing(new NotificationFailed(newEventId(), now, hospitalId, id, recipientId,
                notice.name(), channels.stream().map(Channel::name).toList()));
    }

    /**
     * The coordinator tries a failed delivery again, from the person's first channel, under the same message keys
     * (no provider took it, so none has a message to drop). Only a failed delivery can be tried again.
     */
    public Decision<Delivery> retry(Instant now) {
        if (status != Status.FAILED) {
            throw new DeliveryNotFailed();
        }
        Delivery again = new Delivery(id, causeId, hospitalId, recipientId, notice, aboutId, channels, 0,
                Status.PENDING, null, offerExpiresAt, createdAt, null, round + 1);
        return Decision.to(again).scheduling(again.attemptTimer(0, now));
    }

    /** Whether a timer's payload names this delivery's attempt now due (an older one changes nothing). */
    public boolean isAttempt(Map<String, String> payload) {
        return status == Status.PENDING && Integer.toString(current).equals(payload.get(ATTEMPT))
                && Integer.toString(round).equals(payload.getOrDefault(ROUND, "0"));
    }

    private Decision.Timer attemptTimer(int attempt, Instant dueAt) {
        String key = round == 0 ? "deliver:" + attempt : "deliver:" + round + ":" + attempt;
        return new Decision.Timer(key, DELIVER_TIMER, hospitalId, dueAt,
                Map.of(ATTEMPT, Integer.toString(attempt), ROUND, Integer.toString(round)));
    }
}
