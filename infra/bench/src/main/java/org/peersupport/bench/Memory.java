package org.peersupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.peersupport.stack.LocalStack;

/** Each part's resident memory (VmRSS of its process, from /proc), the highest seen while sampling. */
final class Memory {

    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();

    void sample(LocalStack stack, Iterable<String> parts) {
        for (String part : parts) {
            stack.pid(part).ifPresent(pid -> {
                long kb = rssKb(pid);
                if (kb > 0) {
                    peakKb.merge(part, kb, Math::max);
                }
            });
        }
    }

    Map<String, Long> peakMb() {
        Map<String, Long> mb = new java.util.TreeMap<>();
        peakKb.forEach((part, kb) -> mb.put(part, kb / 1024));
        return mb;
    }

    /** CPU seconds (user and system) each running part has used so far, from /proc/PID/stat (100 ticks a second). */
    static Map<String, Double> cpuSeconds(LocalStack stack, Iterable<String> parts) {
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        for (String part : parts) {
            stack.pid(part).ifPresent(pid -> {
                try {
                    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // after the command: state is field 3, utime field 14 and stime field 15 of the whole line
                    cpu.put(part, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0);
                } catch (IOException | RuntimeException gone) {
                    // not running any more: no figure
                }
            });
        }
        return cpu;
    }

    /** CPU seconds all processes of the machine have used since boot (/proc/stat: user, nice, system, irq, softirq, steal). */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return busy / 100.0;
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    /** CPU seconds this JVM (the bench's own load client) has used so far. */
    static double ownCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    /** Each part's share of one core between two {@link #cpuSeconds} readings {@code seconds} apart, in percent. */
    static Map<String, Double> percentOfACore(Map<String, Double> before, Map<String, Double> after, double seconds) {
        Map<String, Double> pct = new java.util.LinkedHashMap<>();
        after.forEach((part, s) -> {
            Double b = before.get(part);
            if (b != null && seconds > 0) {
                pct.put(part, Math.round((s - b) / seconds * 1000) / 10.0);
            }
        });
        return pct;
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return -1;
        }
        return -1;
    }
}
