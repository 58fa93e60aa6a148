package org.peersupport.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.peersupport.events.RequestWithdrawn;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class EventDispatcherTest {

    private static final String WITHDRAWN = "peersupport.request.withdrawn.v1";
    private static final String FAKE_EMAIL = "jane.doe@hospital.example";

    private final EventCodec codec = new EventCodec();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventDispatcher dispatcher = new EventDispatcher(codec, meters);
    private final List<RequestWithdrawn> received = new CopyOnWriteArrayList<>();
    private final RequestWithdrawn event = new RequestWithdrawn("evt-1", Instant.parse("2026-11-02T10:15:30Z"),
            "hosp-1", "req-1");

    private Consumer<Message<byte[]>> consumer() {
        return dispatcher.consumer().on(RequestWithdrawn.class, received::add).build();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A record as its owner publishes it: intake owns RequestWithdrawn's topic. */
    private static MessageBuilder<byte[]> fromIntake(byte[] payload) {
        return MessageBuilder.withPayload(payload).setHeader("ce_source", "/peersupport/intake");
    }

    private byte[] payload() {
        return bytes(codec.encodeToString(event));
    }

    private double handled(String outcome) {
        return meters.counter("peersupport.events.handled", "type", WITHDRAWN, "outcome", outcome).count();
    }

    @Test
    void byteArrayHeadersReachTheHandlerDecoded() {
        consumer().accept(fromIntake(payload())
                .setHeader("ce_type", bytes(WITHDRAWN)).setHeader("ce_id", bytes("evt-1")).build());
        assertThat(received).containsExactly(event);
        assertThat(handled("ok")).isEqualTo(1.0);
    }

    @Test
    void stringHeadersReachTheHandlerDecoded() {
        consumer().accept(fromIntake(payload())
                .setHeader("ce_type", WITHDRAWN).setHeader("ce_id", "evt-1").build());
        assertThat(received).containsExactly(event);
    }

    @Test
    void dashSpelledHeadersReachTheHandlerDecoded() {
        consumer().accept(fromIntake(payload())
                .setHeader("ce-type", bytes(WITHDRAWN)).setHeader("ce-id", "evt-1").build());
        consumer().accept(fromIntake(payload())
                .setHeader("ce.type", WITHDRAWN).setHeader("ce.id", "evt-1").build());
        assertThat(received).containsExactly(event, event);
    }

    @Test
    void unknownFieldsInTheDataAreIgnored() {
        String withExtra = codec.encodeToString(event).replaceFirst("\\{", "{\"addedLater\":42,");
        consumer().accept(fromIntake(bytes(withExtra)).setHeader("ce_type", WITHDRAWN).build());
        assertThat(received).containsExactly(event);
    }

    @Test
    void anUnknownTypeIsSkippedAndCountedAndAKnownTypeWithoutAHandlerIsSkipped() {
        Consumer<Message<byte[]>> consumer = consumer();
        consumer.accept(fromIntake(bytes("not even json"))
                .setHeader("ce_type", "peersupport.something.new.v9").setHeader("ce_id", "evt-9").build());
        consumer.accept(fromIntake(bytes("{}"))
                .setHeader("ce_type", "peersupport.case.opened.v1").build());
        assertThat(received).isEmpty();
        assertThat(meters.counter("peersupport.events.ignored", "type", "peersupport.something.new.v9", "reason",
                "unknown-type").count()).isEqualTo(1.0);
    }

    @Test
    void aRecordWithoutATypeIsUndecodable() {
        assertThatThrownBy(() -> consumer().accept(fromIntake(payload()).build()))
                .isInstanceOf(UndecodableEventException.class);
        assertThat(received).isEmpty();
    }

    @Test
    void aStoreOutageIsWaitedOutInsteadOfFailingTheRecord() {
        EventDispatcher patient = new EventDispatcher(codec, meters, java.time.Duration.ofMillis(1),
                java.time.Duration.ofMillis(4));
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Consumer<Message<byte[]>> consumer = patient.consumer().on(RequestWithdrawn.class, e -> {
            switch (calls.incrementAndGet()) {
                case 1 -> throw new org.springframework.dao.DataAccessResourceFailureException("store away");
                case 2 -> throw new com.mongodb.MongoTimeoutException("timed out");
                case 3 -> throw new org.peersupport.platform.outbox.ConcurrentUpdateException("c", "1");
                default -> received.add(e);
            }
        }).build();

        consumer.accept(fromIntake(payload()).setHeader("ce_type", WITHDRAWN)
                .setHeader("ce_id", "evt-1").build());

        assertThat(received).containsExactly(event);
        assertThat(calls).hasValue(4);
        assertThat(handled("ok")).isEqualTo(1.0);
        assertThat(handled("failed")).isZero();
        assertThat(meters.counter("peersupport.events.transient-failures", "type", WITHDRAWN).count())
                .isEqualTo(3.0);
    }

    @Test
    void invalidJsonIsUndecodable() {
        Message<byte[]> broken = fromIntake(bytes("{\"eventId\": \"evt-1\", \"note\": \"" + FAKE_EMAIL))
                .setHeader("ce_type", WITHDRAWN).setHeader("ce_id", "evt-1").build();
        assertThatThrownBy(() -> consumer().accept(broken))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining(WITHDRAWN)
                .hasMessageNotContaining(FAKE_EMAIL);
        assertThat(received).isEmpty();
        assertThat(handled("undecodable")).isEqualTo(1.0);
    }

    @Test
    void dataWithoutTheEnvelopeFieldsIsUndecodable() {
        Message<byte[]> partial = fromIntake(bytes("{\"requestId\":\"req-1\"}"))
                .setHeader("ce_type", WITHDRAWN).build();
        assertThatThrownBy(() -> consumer().accept(partial)).isInstanceOf(UndecodableEventException.class);
        assertThat(received).isEmpty();
    }

    @Test
    void handlerFailureNamesTypeAndIdButNotTheCausesMessage() {
        Consumer<Message<byte[]>> failing = dispatcher.consumer().on(RequestWithdrawn.class, e -> {
            throw new IllegalStateException("no supporter for " + FAKE_EMAIL);
        }).build();
        Message<byte[]> message = fromIntake(payload())
                .setHeader("ce_type", bytes(WITHDRAWN)).setHeader("ce_id", bytes("evt-1")).build();

        assertThatThrownBy(() -> failing.accept(message))
                .isInstanceOf(EventHandlingFailedException.class)
                .hasMessageContaining(WITHDRAWN)
                .hasMessageContaining("evt-1")
                .hasMessageContaining("IllegalStateException")
                .hasMessageNotContaining(FAKE_EMAIL)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        assertThat(handled("failed")).isEqualTo(1.0);
    }

    @Test
    void handlerRunsUnderTheRecordsCorrelationIdWhenItIsSafe() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Consumer<Message<byte[]>> consumer = dispatcher.consumer()
                .on(RequestWithdrawn.class, e -> seen.add(MDC.get(Correlation.MDC_KEY))).build();
        consumer.accept(fromIntake(payload()).setHeader("ce_type", WITHDRAWN)
                .setHeader(Correlation.CE_HEADER, bytes("corr-123")).build());
        consumer.accept(fromIntake(payload()).setHeader("ce_type", WITHDRAWN)
                .setHeader(Correlation.CE_HEADER, "bad\nINFO forged log line").build());

        assertThat(seen.get(0)).isEqualTo("corr-123");
        assertThat(seen.get(1)).doesNotContain("forged").matches("[0-9a-f-]{36}");
        assertThat(MDC.get(Correlation.MDC_KEY)).isNull();
    }

    private double untrusted(String reason) {
        return meters.counter("peersupport.events.untrusted", "type", WITHDRAWN, "reason", reason).count();
    }

    @Test
    void aRecordNotFromTheOwnerOfItsTopicNeverReachesTheHandler() {
        Consumer<Message<byte[]>> consumer = consumer();
        for (MessageBuilder<byte[]> forged : List.of(
                MessageBuilder.withPayload(payload()).setHeader("ce_source", "/evil"),
                MessageBuilder.withPayload(payload()).setHeader("ce_source", bytes("/peersupport/matching")),
                MessageBuilder.withPayload(payload()))) {
            Message<byte[]> message = forged.setHeader("ce_type", WITHDRAWN).setHeader("ce_id", "evt-1").build();
            assertThatThrownBy(() -> consumer.accept(message))
                    .isInstanceOf(UntrustedEventException.class)
                    .hasMessageContaining(WITHDRAWN)
                    .hasMessageContaining("evt-1")
                    .hasMessageContaining("ce_source")
                    .hasMessageNotContaining("req-1")
                    .hasNoCause()
                    .satisfies(e -> assertThat(((UntrustedEventException) e).reason())
                            .isEqualTo(UntrustedEventException.Reason.WRONG_SOURCE));
        }
        assertThat(received).isEmpty();
        assertThat(handled("untrusted")).isEqualTo(3.0);
        assertThat(untrusted("wrong-source")).isEqualTo(3.0);
        assertThat(handled("failed")).isZero();
    }

    @Test
    void aRecordFromTheOwnerOnAnotherTopicThanItsTypesIsUntrusted() {
        Consumer<Message<byte[]>> consumer = consumer();
        Message<byte[]> elsewhere = fromIntake(payload()).setHeader("ce_type", WITHDRAWN)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, "peersupport.training.v1").build();

        assertThatThrownBy(() -> consumer.accept(elsewhere)).isInstanceOf(UntrustedEventException.class);
        consumer.accept(fromIntake(payload()).setHeader("ce_type", WITHDRAWN)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, "peersupport.intake.v1").build());

        assertThat(received).containsExactly(event);
        assertThat(untrusted("wrong-topic")).isEqualTo(1.0);
    }

    @Test
    void anEventAboutAHospitalWithAnUnsafeIdIsUntrusted() {
        Consumer<Message<byte[]>> consumer = consumer();
        for (String hospital : List.of("../lakeside", "lakeside\nINFO forged", FAKE_EMAIL, "")) {
            RequestWithdrawn unsafe = new RequestWithdrawn("evt-2", event.occurredAt(), hospital, "req-1");
            Message<byte[]> message = fromIntake(bytes(codec.encodeToString(unsafe))).setHeader("ce_type", WITHDRAWN)
                    .setHeader("ce_id", "evt-2").build();
            assertThatThrownBy(() -> consumer.accept(message))
                    .isInstanceOf(UntrustedEventException.class)
                    .hasMessageContaining("evt-2")
                    .hasMessageNotContaining(FAKE_EMAIL)
                    .hasMessageNotContaining("forged");
        }
        assertThat(received).isEmpty();
        assertThat(untrusted("unsafe-hospital")).isEqualTo(4.0);
    }

    @Test
    void aHandlerRefusingAnotherHospitalsEventDeadLettersItWithoutRetrying() {
        List<RequestWithdrawn> tried = new CopyOnWriteArrayList<>();
        Consumer<Message<byte[]>> consumer = dispatcher.consumer().on(RequestWithdrawn.class, e -> {
            tried.add(e);
            TrustPolicy.requireSameHospital(e, "hosp-2");
        }).build();
        Message<byte[]> message = fromIntake(payload()).setHeader("ce_type", WITHDRAWN).setHeader("ce_id", "evt-1")
                .build();

        assertThatThrownBy(() -> consumer.accept(message))
                .isInstanceOf(UntrustedEventException.class)
                .hasMessageContaining("evt-1")
                .hasMessageNotContaining("hosp-1")
                .hasMessageNotContaining("hosp-2");
        assertThat(tried).hasSize(1);
        assertThat(untrusted("hospital-mismatch")).isEqualTo(1.0);
        assertThat(handled("failed")).isZero();
    }

    @Test
    void theSameHospitalPassesTheHandlersCheck() {
        dispatcher.consumer().on(RequestWithdrawn.class, e -> {
            TrustPolicy.requireSameHospital(e, "hosp-1");
            received.add(e);
        }).build().accept(fromIntake(payload()).setHeader("ce_type", WITHDRAWN).build());
        assertThat(received).containsExactly(event);
    }

    @Test
    void anUnsafeEventIdIsLeftOutOfTheUntrustedException() {
        Message<byte[]> forged = MessageBuilder.withPayload(payload()).setHeader("ce_source", "/evil")
                .setHeader("ce_type", WITHDRAWN).setHeader("ce_id", "x\n" + FAKE_EMAIL).build();
        assertThatThrownBy(() -> consumer().accept(forged))
                .isInstanceOf(UntrustedEventException.class)
                .hasMessageNotContaining(FAKE_EMAIL)
                .hasMessageContaining("(unreadable id)");
    }

    @Test
    void registeringAClassThatIsNotAnEventTypeFails() {
        assertThatThrownBy(() -> dispatcher.consumer().on(UnregisteredEvent.class, e -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    record UnregisteredEvent(String eventId, Instant occurredAt, String hospitalId, String subject)
            implements org.peersupport.events.DomainEvent {
    }
}
