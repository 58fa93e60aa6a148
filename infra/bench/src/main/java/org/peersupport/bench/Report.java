package org.peersupport.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of one {@code ./peer bench} run as a Markdown table (printed and written) and as JSON. */
record Report(String startedAt, String machine, String note, RawFloors.KafkaHop kafkaHop,
        RawFloors.ProducerThroughput producer, RawFloors.StoreWrites store, List<Stage.Result> steady,
        List<Stage.Result> ramp, Surge surge, Map<String, Double> hopMedians, Map<String, Long> residentMb,
        List<Ratio> ratios) {

    /** The 500-staff trigger: accepted after, all offers on the topic after. */
    record Surge(int staff, double acceptedMs, int offered, double allOfferedMs) {
    }

    /** The floor of a request's path: three produce-and-consume hops (intake → matching → notification). */
    double threeHopP50() {
        return 3 * kafkaHop.p50Ms();
    }

    /** The highest ramp or steady rate that was sustained with zero loss; 0 when none was. */
    int highestSustained() {
        int best = 0;
        List<Stage.Result> all = new ArrayList<>(steady);
        all.addAll(ramp);
        for (Stage.Result r : all) {
            if (r.sustained()) {
                best = Math.max(best, r.rate());
            }
        }
        return best;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## `./peer bench` ").append(startedAt).append("\n\n");
        md.append(machine).append("\n\n").append(note).append("\n\n");
        md.append("| figure | measured | floor (same run) | × floor | target | met |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Ratio r : ratios) {
            md.append("| ").append(r.figure()).append(" | ").append(Ratio.format(r.value())).append(' ').append(r.unit())
                    .append(" | ").append(Double.isNaN(r.floor()) ? "–" : Ratio.format(r.floor()) + " " + r.unit()
                            + " (" + r.floorName() + ")")
                    .append(" | ").append(Double.isNaN(r.timesFloor()) ? "–" : Ratio.format(r.timesFloor()) + "×")
                    .append(" | ").append(r.lowerIsBetter() ? "≤ " : "≥ ").append(Ratio.format(r.target())).append(' ')
                    .append(r.unit()).append(" | ").append(r.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\nSteady load and ramp (notified: request sent → first notice about it stored by notification):\n\n");
        md.append("| stage | offered req/s | achieved req/s | sent | accepted | notified | lost | 202 p50/p99 ms |"
                + " notified p50 / p95 / p99 / max ms | first notice | sustained |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        List<Stage.Result> all = new ArrayList<>(steady);
        all.addAll(ramp);
        for (Stage.Result r : all) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %d | %d | %d | %s / %s | %s / %s / %s / %s | %s | %s |%n",
                    r.name(), r.rate(), r.achievedRate(), r.sent(), r.accepted(), r.notified(), r.lost(),
                    Ratio.format(r.accept().p50()), Ratio.format(r.accept().p99()),
                    Ratio.format(r.notifiedLatency().p50()), Ratio.format(r.notifiedLatency().p95()),
                    Ratio.format(r.notifiedLatency().p99()), Ratio.format(r.notifiedLatency().max()),
                    r.firstNoticeKinds(), r.sustained() ? "yes" : "no" + (r.refusedBy().isEmpty() ? "" : " " + r.refusedBy())));
        }
        md.append(String.format(Locale.ROOT, "%nFloors: kafka-e2e-latency (%d messages, 512 B, acks=all) avg %.2f ms, p50 %.0f ms,"
                + " p99 %.0f ms per hop; kafka-producer-perf-test %d records of 512 B, acks=all: %.0f records/s (%.1f MB/s);"
                + " store: %d single-document writes (replace by _id, acknowledged) one after another: %.0f writes/s,"
                + " p50 %.2f ms, p99 %.2f ms.%n", kafkaHop.messages(), kafkaHop.avgMs(), kafkaHop.p50Ms(), kafkaHop.p99Ms(),
                producer.records(), producer.recordsPerSecond(), producer.mbPerSecond(), store.writes(),
                store.writesPerSecond(), store.latency().p50(), store.latency().p99()));
        md.append(String.format(Locale.ROOT, "%nSurge: a trigger naming %d staff: 202 after %.0f ms, %d offers on the topic,"
                + " all of them after %.0f ms.%n", surge.staff(), surge.acceptedMs(), surge.offered(), surge.allOfferedMs()));
        md.append("\nWhere the time goes (medians over the steady stages, from the events' own times: `ce_time` is when a"
                + " service decided, the record's timestamp when its outbox relay sent it):\n\n| segment | median ms |\n| --- | --- |\n");
        hopMedians.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(Ratio.format(v)).append(" |\n"));
        if (!cpuParts(all).isEmpty()) {
            md.append("\nCPU while the load was offered, % of one core (the machine has ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" cores; the bench's own client included"
                            + " under `bench`):\n\n| stage | ").append(String.join(" | ", cpuParts(all))).append(" |\n|")
                    .append(" --- |".repeat(cpuParts(all).size() + 1)).append('\n');
            for (Stage.Result r : all) {
                md.append("| ").append(r.name());
                for (String part : cpuParts(all)) {
                    Double v = r.cpuPercentOfACore().get(part);
                    md.append(" | ").append(v == null ? "–" : Ratio.format(v));
                }
                md.append(" |\n");
            }
        }
        md.append("\nResident memory, highest seen during the run (VmRSS):\n\n| part | MB |\n| --- | --- |\n");
        residentMb.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return md.toString();
    }

    private static List<String> cpuParts(List<Stage.Result> stages) {
        java.util.Set<String> parts = new java.util.LinkedHashSet<>();
        stages.forEach(s -> parts.addAll(s.cpuPercentOfACore().keySet()));
        return List.copyOf(parts);
    }
}
