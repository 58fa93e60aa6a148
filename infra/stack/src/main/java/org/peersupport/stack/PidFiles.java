package org.peersupport.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Pid files under {@code <stateDir>/run}, and the check that a pid really is one of our parts: its
 * command line carries {@code -Dpeersupport.part=<part>} and {@code -Dpeersupport.state=<stateDir>}.
 */
final class PidFiles {

    static final String PART_PROPERTY = "peersupport.part";
    static final String STATE_PROPERTY = "peersupport.state";

    private final Path stateDir;

    PidFiles(Path stateDir) {
        this.stateDir = stateDir;
    }

    Path file(String part) {
        return stateDir.resolve("run").resolve(part + ".pid");
    }

    static List<String> markers(String part, Path stateDir) {
        return List.of("-D" + PART_PROPERTY + "=" + part, "-D" + STATE_PROPERTY + "=" + stateDir);
    }

    void write(String part, long pid) throws IOException {
        Path f = file(part);
        Files.createDirectories(f.getParent());
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.writeString(tmp, pid + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The live process of a part, if its pid file names a process that is ours; a stale pid file is removed. */
    Optional<ProcessHandle> live(String part) {
        Path f = file(part);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(f, StandardCharsets.UTF_8).trim());
        } catch (IOException | NumberFormatException e) {
            remove(part);
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> isOurs(h, part, stateDir));
        if (handle.isEmpty()) {
            remove(part);
        }
        return handle;
    }

    void remove(String part) {
        try {
            Files.deleteIfExists(file(part));
        } catch (IOException e) {
            // nothing to do: the next look finds it stale again
        }
    }

    /** Whether the process's command line carries both markers of this part and state folder. */
    static boolean isOurs(ProcessHandle handle, String part, Path stateDir) {
        return commandLine(handle).map(args -> args.containsAll(markers(part, stateDir))).orElse(false);
    }

    /** The process's arguments: from {@link ProcessHandle.Info}, else from {@code /proc/<pid>/cmdline}. */
    static Optional<List<String>> commandLine(ProcessHandle handle) {
        Optional<String[]> args = handle.info().arguments();
        if (args.isPresent()) {
            List<String> all = new ArrayList<>();
            handle.info().command().ifPresent(all::add);
            all.addAll(Arrays.asList(args.get()));
            return Optional.of(all);
        }
        Path proc = Path.of("/proc", String.valueOf(handle.pid()), "cmdline");
        try {
            byte[] bytes = Files.readAllBytes(proc);
            if (bytes.length == 0) {
                return Optional.empty();
            }
            return Optional.of(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\0")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
