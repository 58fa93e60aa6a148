package org.peersupport.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void serverPropertiesListenOnLoopbackOnly() throws Exception {
        Path file = KafkaBrokerMain.writeServerProperties(dir, 19092, 19093);
        assertThat(file).isEqualTo(dir.resolve("server.properties"));
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("node.id")).isEqualTo("1");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(p.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(p.getProperty("listener.security.protocol.map"))
                .isEqualTo("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        assertThat(p.getProperty("log.dirs")).isEqualTo(dir.resolve("kraft-logs").toString());
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("true");
        assertThat(p.getProperty("num.partitions")).isEqualTo("3");
        assertThat(p.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
        assertThat(KafkaBrokerMain.isFormatted(dir)).isFalse();
    }

    @Test
    void clientsAreToldTheAdvertisedPortWhileTheBrokerListensOnItsOwn() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(KafkaBrokerMain.writeServerProperties(dir, 19092, 19093, 19192))) {
            p.load(r);
        }
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19192");
    }

    @Test
    void clusterIdIsMadeOnceAndKept() throws Exception {
        String id = KafkaBrokerMain.clusterId(dir);
        assertThat(id).hasSize(22);
        assertThat(KafkaBrokerMain.clusterId(dir)).isEqualTo(id);
        assertThat(dir.resolve("cluster.id")).exists();
    }
}
