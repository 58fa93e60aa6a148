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
