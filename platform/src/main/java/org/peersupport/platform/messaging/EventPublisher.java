package org.peersupport.platform.messaging;

import java.nio.charset.StandardCharsets;
import org.peersupport.platform.Failures;
import org.peersupport.platform.outbox.OutboxMessage;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends one outbox event as a CloudEvent in binary mode and returns only once the broker acknowledged it
 * (the producer bindings are synchronous, idempotent, acks=all). A broker that is away or too slow is a
 * {@link BrokerUnavailableException}, which the relay waits out; any other failure is this message's own.
 */
public class EventPublisher {

    private final StreamBridge bridge;
    private final String source;

    public EventPublisher(StreamBridge bridge, String source) {
        this.bridge = bridge;
        this.source = source;
    }

    public void publish(OutboxMessage event) {
        Message<byte[]> message = MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.SPEC_VERSION, "1.0")
                .setHeader(CloudEventHeaders.ID, event.messageId())
                .setHeader(CloudEventHeaders.TYPE, event.type())
                .setHeader(CloudEventHeaders.SOURCE, source)
                .setHeader(CloudEventHeaders.TIME, event.occurredAt().toString())
                .setHeader(CloudEventHeaders.SUBJECT, event.key())
                .setHeader(CloudEventHeaders.CONTENT_TYPE, "application/json")
                .setHeader(Correlation.CE_HEADER, event.correlationId())
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        boolean sent;
        try {
            sent = bridge.send(event.topic(), message);
        } catch (RuntimeException failure) {
            if (Failures.isTransient(failure)) {
                throw new BrokerUnavailableException(event.type(), event.messageId());
            }
            throw failure;
        }
        if (!sent) {
            throw new BrokerUnavailableException(event.type(), event.messageId());
        }
    }
}
