package org.peersupport.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Dead letters for records from outside the network (a hospital system's triggers), which may carry exactly what
 * must never be kept, patient data included: the dead letter says which record was refused and why, and holds
 * nothing else. Its value is empty and it keeps only the CloudEvents attributes that are plain identifiers; the record
 * itself stays on its own topic (the headers say where) until that topic's retention removes it. Nothing is
 * replayed from such a dead letter: the producer sends a corrected record.
 */
public class RedactedDeadLetters {

    /** Set on every redacted dead letter; {@code ./peer replay-dlq} skips these. */
    public static final String REDACTED = "peersupport_redacted";
    public static final String FROM_TOPIC = "peersupport_refused_topic";
    public static final String FROM_PARTITION = "peersupport_refused_partition";
    public static final String FROM_OFFSET = "peersupport_refused_offset";
    public static final String REASON = "peersupport_refused_reason";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");
    private static final List<String> KEPT = List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
            CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE);

    private final StreamBridge bridge;

    public RedactedDeadLetters(StreamBridge bridge) {
        this.bridge = bridge;
    }

    /**
     * Sends the dead letter of {@code refused} to {@code topic}, with {@code reason} (a text free of record values).
     * A broker that does not take it is a transient failure: the record stays unacknowledged and is tried again,
     * never handed on as it was sent.
     */
    public void send(String topic, Message<byte[]> refused, String reason) {
        MessageBuilder<byte[]> letter = MessageBuilder.withPayload(new byte[0])
                .setHeader(REDACTED, "true")
                .setHeader(REASON, reason)
                .setHeader("contentType", MimeTypeUtils.APPLICATION_OCTET_STREAM_VALUE);
        for (String name : KEPT) {
            String value = CloudEventHeaders.read(refused, name);
            if (value != null && PLAIN.matcher(value).matches()) {
                letter.setHeader(name, value);
            }
        }
        copy(refused, KafkaHeaders.RECEIVED_TOPIC, FROM_TOPIC, letter);
        copy(refused, KafkaHeaders.RECEIVED_PARTITION, FROM_PARTITION, letter);
        copy(refused, KafkaHeaders.OFFSET, FROM_OFFSET, letter);
        String id = CloudEventHeaders.read(refused, CloudEventHeaders.ID);
        try {
            if (bridge.send(topic, letter.build())) {
                return;
            }
        } catch (RuntimeException failure) {
            // Whatever the producer says, the letter holds nothing to lose by trying again.
        }
        throw new BrokerUnavailableException("dead letter", id != null && PLAIN.matcher(id).matches() ? id : "?");
    }

    private static void copy(Message<byte[]> refused, String from, String to, MessageBuilder<byte[]> letter) {
        Object value = refused.getHeaders().get(from);
        if (value instanceof byte[] bytes) {
            value = new String(bytes, StandardCharsets.UTF_8);
        }
        if (value != null) {
            letter.setHeader(to, value.toString());
        }
    }
}
