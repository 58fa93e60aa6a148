package org.peersupport.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.peersupport.platform.outbox.OutboxMessage;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

class EventPublisherTest {

    private final OutboxMessage event = new OutboxMessage("evt-1", OutboxMessage.Kind.EVENT,
            "peersupport.request.withdrawn.v1", "peersupport.intake", "req-1", "hosp-1", "{\"a\":1}",
            Instant.parse("2026-11-02T10:15:30Z"), null, "corr-1", null);

    @Test
    @SuppressWarnings("unchecked")
    void sendsABinaryModeCloudEventKeyedByTheSubject() {
        StreamBridge bridge = mock(StreamBridge.class);
        when(bridge.send(anyString(), any(Object.class))).thenReturn(true);

        new EventPublisher(bridge, "intake-service").publish(event);

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(bridge).send(eq("peersupport.intake"), sent.capture());
        Message<byte[]> message = (Message<byte[]>) sent.getValue();
        assertThat(new String(message.getPayload(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat((byte[]) message.getHeaders().get(KafkaHeaders.KEY)).asString().isEqualTo("req-1");
        assertThat(CloudEventHeaders.read(message, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(CloudEventHeaders.read(message, CloudEventHeaders.ID)).isEqualTo("evt-1");
        assertThat(CloudEventHeaders.read(message, CloudEventHeaders.TYPE))
                .isEqualTo("peersupport.request.withdrawn.v1");
        assertThat(CloudEventHeaders.read(message, CloudEventHeaders.SOURCE)).isEqualTo("intake-service");
        assertThat(CloudEventHeaders.read(message, CloudEventHeaders.SUBJECT)).isEqualTo("req-1");
        assertThat(CloudEventHeaders.read(message, CloudEventHeaders.TIME)).isEqualTo("2026-11-02T10:15:30Z");
        assertThat(CloudEventHeaders.read(message, Correlation.CE_HEADER)).isEqualTo("corr-1");
    }

    @Test
    void aSendTheBrokerDidNotTakeIsABrokerOutageSoTheRelayWaitsAndKeepsTheMessage() {
        StreamBridge bridge = mock(StreamBridge.class);
        when(bridge.send(anyString(), any(Object.class))).thenReturn(false);

        assertThatThrownBy(() -> new EventPublisher(bridge, "intake-service").publish(event))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("evt-1");
    }

    @Test
    void aTimeoutOfTheBrokerIsAnOutageButARecordItRefusesIsTheMessagesOwnFailure() {
        StreamBridge timingOut = mock(StreamBridge.class);
        when(timingOut.send(anyString(), any(Object.class))).thenThrow(new org.springframework.messaging
                .MessageHandlingException(org.springframework.messaging.support.MessageBuilder.withPayload("x").build(),
                new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)")));
        StreamBridge refusing = mock(StreamBridge.class);
        when(refusing.send(anyString(), any(Object.class))).thenThrow(new org.springframework.messaging
                .MessageHandlingException(org.springframework.messaging.support.MessageBuilder.withPayload("x").build(),
                new org.apache.kafka.common.errors.RecordTooLargeException("too large")));

        assertThatThrownBy(() -> new EventPublisher(timingOut, "intake-service").publish(event))
                .isInstanceOf(BrokerUnavailableException.class);
        assertThatThrownBy(() -> new EventPublisher(refusing, "intake-service").publish(event))
                .isInstanceOf(org.springframework.messaging.MessageHandlingException.class)
                .isNotInstanceOf(BrokerUnavailableException.class);
    }
}
