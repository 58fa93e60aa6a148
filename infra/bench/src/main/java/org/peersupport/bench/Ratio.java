package org.peersupport.bench;

import java.util.Locale;

/**
 * A measured figure against its floor (what raw Kafka or the raw store does on the same machine in the same run) and
 * against its target. {@code lowerIsBetter} says which way the target points.
 */
public record Ratio(String figure, double value, String unit, double floor, String floorName, double target,
        boolean lowerIsBetter) {

    /** How many times the floor the figure is; NaN without a floor. */
    public double timesFloor() {
        return floor > 0 && !Double.isNaN(floor) && !Double.isNaN(value) ? value / floor : Double.NaN;
    }

    public boolean met() {
        if (Double.isNaN(value)) {
            return false;
        }
        return lowerIsBetter ? value <= target : value >= target;
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
