package org.peersupport.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class KafkaBacklogTest {

    private final TopicPartition p0 = new TopicPartition("peersupport.dlq.matching", 0);
    private final TopicPartition p1 = new TopicPartition("peersupport.dlq.matching", 1);
    private final TopicPartition other = new TopicPartition("peersupport.intake.v1", 0);

    @Test
    void whatWaitsIsPastTheCommittedOffsetOrPastTheEarliestKeptWhenNothingWasCommitted() {
        Map<TopicPartition, Long> ends = Map.of(p0, 10L, p1, 7L, other, 100L);
        Map<TopicPartition, Long> starts = Map.of(p0, 2L, p1, 0L, other, 0L);

        assertThat(KafkaBacklog.behind("peersupport.dlq.matching", ends, starts, Map.of())).isEqualTo(8 + 7);
        assertThat(KafkaBacklog.behind("peersupport.dlq.matching", ends, starts,
                Map.of(p0, new OffsetAndMetadata(10), p1, new OffsetAndMetadata(3)))).isEqualTo(4);
        assertThat(KafkaBacklog.behind("peersupport.dlq.matching", ends, Map.of(p0, 9L, p1, 0L),
                Map.of(p0, new OffsetAndMetadata(4)))).as("deleted by retention: counted from what is kept")
                .isEqualTo(1 + 7);
        assertThat(KafkaBacklog.behind("peersupport.dlq.absent", ends, starts, Map.of())).isZero();
    }

    @Test
    void theDeadLetterTopicIsTheBindingsDlqNameOrThePlatformsConvention() {
        MockEnvironment environment = new MockEnvironment().withProperty(
                "spring.cloud.stream.kafka.bindings.matchingEvents-in-0.consumer.dlq-name", "peersupport.dlq.own");

        assertThat(KafkaBacklog.deadLetterTopic(environment, "matchingEvents-in-0", "matching"))
                .isEqualTo("peersupport.dlq.own");
        assertThat(KafkaBacklog.deadLetterTopic(environment, "triggers-in-0", "intake-triggers"))
                .isEqualTo("peersupport.dlq.intake-triggers");
    }

    @Test
    void onlyAWellFormedTraceparentIsKeptOrPassedOn() {
        assertThat(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isTrue();
        assertThat(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\nforged")).isFalse();
        assertThat(TraceContext.isValid("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceContext.isValid(null)).isFalse();
        assertThat(TraceContext.current()).as("no span current here").isNull();
    }
}
