package org.peersupport.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

    @TempDir
    Path state;

    Process process;

    @AfterEach
    void stopProcess() throws Exception {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** A process whose command line carries the markers (the {@code ; true} keeps bash from exec-ing sleep). */
    Process marked(String part, Path stateDir) throws Exception {
        return new ProcessBuilder("bash", "-c", "sleep 60; true", "-Dpeersupport.part=" + part,
                "-Dpeersupport.state=" + stateDir).start();
    }

    @Test
    void aLiveProcessWithOurMarkersIsOurs() throws Exception {
        process = marked("mongo", state);
        PidFiles pids = new PidFiles(state);
        pids.write("mongo", process.pid());
        assertThat(pids.live("mongo")).map(ProcessHandle::pid).contains(process.pid());
        assertThat(PidFiles.isOurs(process.toHandle(), "mongo", state)).isTrue();
        assertThat(PidFiles.isOurs(process.toHandle(), "kafka", state)).isFalse();
        assertThat(pids.file("mongo")).exists();
    }

    @Test
    void aProcessOfAnotherStateFolderIsNotOursAndItsPidFileIsCleaned() throws Exception {
        process = marked("mongo", state.resolve("other"));
        PidFiles pids = new PidFiles(state);
        pids.write("mongo", process.pid());
        assertThat(pids.live("mongo")).isEmpty();
        assertThat(pids.file("mongo")).doesNotExist();
    }

    @Test
    void aForeignOrDeadPidIsStale() throws Exception {
        PidFiles pids = new PidFiles(state);
        pids.write("kafka", ProcessHandle.current().pid()); // alive, but not a part
        assertThat(pids.live("kafka")).isEmpty();
        assertThat(pids.file("kafka")).doesNotExist();

        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        pids.write("kafka", done.pid());
        assertThat(pids.live("kafka")).isEmpty();
        assertThat(pids.file("kafka")).doesNotExist();

        Files.createDirectories(pids.file("issuer").getParent());
        Files.writeString(pids.file("issuer"), "garbage");
        assertThat(pids.live("issuer")).isEmpty();
        assertThat(pids.file("issuer")).doesNotExist();
    }

    @Test
    void commandLineIsReadable() throws Exception {
        process = marked("kafka", state);
        assertThat(PidFiles.commandLine(process.toHandle())).get().asList()
                .contains("-Dpeersupport.part=kafka", "-Dpeersupport.state=" + state);
    }
}
