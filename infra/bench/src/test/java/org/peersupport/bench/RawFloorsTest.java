package org.peersupport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RawFloorsTest {

    @Test
    void readsTheLatencyToolsSummary() {
        String out = """
                0\t3.12
                Avg latency: 1.4521 ms
                Percentiles: 50th = 1, 99th = 4, 99.9th = 12
                """;
        RawFloors.KafkaHop hop = RawFloors.parseHop(out, 10000);
        assertThat(hop.avgMs()).isEqualTo(1.4521);
        assertThat(hop.p50Ms()).isEqualTo(1);
        assertThat(hop.p99Ms()).isEqualTo(4);
        assertThat(hop.p999Ms()).isEqualTo(12);
    }

    @Test
    void readsTheProducerToolsFinalLineNotItsProgressLines() {
        String out = """
                120000 records sent, 23990.4 records/sec (11.71 MB/sec), 900.1 ms avg latency, 1200.0 ms max latency.
                200000 records sent, 41493.8 records/sec (20.26 MB/sec), 612.37 ms avg latency, 1310.00 ms max latency, 580 ms 50th, 1100 ms 95th, 1250 ms 99th, 1300 ms 99.9th.
                """;
        RawFloors.ProducerThroughput p = RawFloors.parsePerf(out);
        assertThat(p.records()).isEqualTo(200000);
        assertThat(p.recordsPerSecond()).isEqualTo(41493.8);
        assertThat(p.p50Ms()).isEqualTo(580);
        assertThat(p.p99Ms()).isEqualTo(1250);
    }

    @Test
    void aToolThatPrintedNoResultIsAnError() {
        assertThatThrownBy(() -> RawFloors.parseHop("Exception in thread main", 10))
                .hasMessageContaining("printed no result");
    }
}
