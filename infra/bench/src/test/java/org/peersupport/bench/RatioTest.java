package org.peersupport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void aLatencyIsHeldAgainstItsFloorAndItsTarget() {
        Ratio r = new Ratio("notified p50", 30, "ms", 6, "3 hops", 30, true);
        assertThat(r.timesFloor()).isEqualTo(5.0);
        assertThat(r.met()).isTrue();
        assertThat(new Ratio("notified p50", 31, "ms", 6, "3 hops", 30, true).met()).isFalse();
    }

    @Test
    void aRateMeetsItsTargetFromAbove() {
        assertThat(new Ratio("rate", 1000, "req/s", 50000, "producer", 1000, false).met()).isTrue();
        assertThat(new Ratio("rate", 700, "req/s", 50000, "producer", 1000, false).met()).isFalse();
    }

    @Test
    void nothingMeasuredMeetsNoTargetAndHasNoRatio() {
        Ratio r = new Ratio("surge", Double.NaN, "ms", 10, "floor", 5000, true);
        assertThat(r.met()).isFalse();
        assertThat(r.timesFloor()).isNaN();
        assertThat(new Ratio("memory", 250, "MB", Double.NaN, "", 300, true).timesFloor()).isNaN();
    }

    @Test
    void theHighestSustainedRateIsTheHighestStageWithoutLoss() {
        Percentiles p = new Percentiles(1, 1, 1, 1, 1);
        Stage.Result ok = new Stage.Result("100/s", 100, 1, 100, 100, 100, 0, Map.of(), 100, 0, p, p, Map.of(), true, Map.of());
        Stage.Result rampOk = new Stage.Result("ramp", 400, 1, 400, 400, 400, 0, Map.of(), 400, 0, p, p, Map.of(), true, Map.of());
        Stage.Result lossy = new Stage.Result("ramp", 700, 1, 700, 650, 690, 10, Map.of(), 690, 10, p, p, Map.of(), false, Map.of());
        Report report = new Report("t", "m", "", new RawFloors.KafkaHop(10, 1.5, 2, 4, 8),
                new RawFloors.ProducerThroughput(10, 50000, 25, 1, 3),
                new RawFloors.StoreWrites(10, 2000, p), List.of(ok), List.of(rampOk, lossy),
                new Report.Surge(500, 40, 500, 3000), Map.of(), Map.of("intake", 280L), List.of());
        assertThat(report.highestSustained()).isEqualTo(400);
        assertThat(report.threeHopP50()).isEqualTo(6.0);
        List<Ratio> ratios = BenchMain.ratios(report);
        assertThat(ratios).anySatisfy(r -> {
            assertThat(r.figure()).isEqualTo("notified p50 at 100 req/s");
            assertThat(r.target()).isEqualTo(30.0); // within 5 × the raw three-hop p50
        });
        assertThat(ratios).anySatisfy(r -> {
            assertThat(r.figure()).isEqualTo("highest rate sustained with zero loss");
            assertThat(r.value()).isEqualTo(400.0);
            assertThat(r.met()).isFalse();
        });
        Report withRatios = new Report(report.startedAt(), report.machine(), report.note(), report.kafkaHop(),
                report.producer(), report.store(), report.steady(), report.ramp(), report.surge(), report.hopMedians(),
                report.residentMb(), ratios);
        assertThat(withRatios.markdown()).contains("| highest rate sustained with zero loss | 400 req/s |")
                .contains("| resident memory intake | 280 MB |");
    }
}
