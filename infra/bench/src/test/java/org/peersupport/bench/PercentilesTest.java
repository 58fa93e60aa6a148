package org.peersupport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundredIsTheRankItself() {
        List<Double> values = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            values.add((double) i);
        }
        Percentiles p = Percentiles.of(values);
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p95()).isEqualTo(95);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void oneSlowRequestInTwentyIsTheP99ButNotTheP95() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            values.add(10.0);
        }
        values.add(900.0);
        Percentiles p = Percentiles.of(values);
        assertThat(p.p95()).isEqualTo(10);
        assertThat(p.p99()).isEqualTo(900);
    }

    @Test
    void nothingMeasuredIsNotANumberRatherThanZero() {
        assertThat(Percentiles.of(List.of()).p50()).isNaN();
        assertThat(Percentiles.of(List.of()).count()).isZero();
    }
}
