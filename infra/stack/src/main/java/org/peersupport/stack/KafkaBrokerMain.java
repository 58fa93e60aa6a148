package org.peersupport.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller, node id 1), listening on
 * 127.0.0.1 only, with its data in one folder that survives restarts.
 *
 * <p>Arguments: {@code --port=9092 --controller-port=9093 --data-dir=PATH}; each may instead come from
 * the system properties {@code peersupport.kafka.port}, {@code peersupport.kafka.controller-port} and
 * {@code peersupport.kafka.data-dir}. The port clients are told to connect to is the listener's own unless
 * {@code PEER_KAFKA_ADVERTISED_PORT} names another: {@code ./peer chaos} puts a fault-injecting proxy there.
 */
public final class KafkaBrokerMain {

    static final String CLUSTER_ID_FILE = "cluster.id";
    static final String PROPERTIES_FILE = "server.properties";
    static final String LOG_DIRS = "kraft-logs";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Args.parse(args, "peersupport.kafka.");
        int port = Integer.parseInt(Args.require(opts, "port"));
        int controllerPort = Integer.parseInt(opts.getOrDefault("controller-port", String.valueOf(port + 1)));
        Path dataDir = Path.of(Args.require(opts, "data-dir")).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);

        String advertised = System.getenv("PEER_KAFKA_ADVERTISED_PORT");
        int advertisedPort = advertised == null || advertised.isBlank() ? port : Integer.parseInt(advertised.trim());
        Path propertiesFile = writeServerProperties(dataDir, port, controllerPort, advertisedPort);
        String clusterId = clusterId(dataDir);
        if (!isFormatted(dataDir)) {
            format(clusterId, propertiesFile);
        }
        System.out.println("[peer] starting Kafka broker on 127.0.0.1:" + port + " (controller " + controllerPort
                + "), cluster " + clusterId + ", data " + dataDir);
        kafka.Kafka.main(new String[] {propertiesFile.toString()});
    }

    /** The broker's configuration; every listener is on 127.0.0.1. */
    static Properties serverProperties(Path dataDir, int port, int controllerPort) {
        return serverProperties(dataDir, port, controllerPort, port);
    }

    /** As above, telling clients to connect to {@code advertisedPort} (a proxy in front of the listener). */
    static Properties serverProperties(Path dataDir, int port, int controllerPort, int advertisedPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + advertisedPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve(LOG_DIRS).toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "3");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** Writes {@code server.properties} into the data folder (every start, so port changes apply). */
    static Path writeServerProperties(Path dataDir, int port, int controllerPort) throws IOException {
        return writeServerProperties(dataDir, port, controllerPort, port);
    }

    static Path writeServerProperties(Path dataDir, int port, int controllerPort, int advertisedPort)
            throws IOException {
        Path file = dataDir.resolve(PROPERTIES_FILE);
        Path tmp = dataDir.resolve(PROPERTIES_FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            serverProperties(dataDir, port, controllerPort, advertisedPort).store(out, "written by " + KafkaBrokerMain.class.getName());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** The cluster id kept in the data folder, made once. */
    static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve(CLUSTER_ID_FILE);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    static boolean isFormatted(Path dataDir) {
        return Files.exists(dataDir.resolve(LOG_DIRS).resolve("meta.properties"));
    }

    /** Formats the log folder in a separate JVM: the storage tool may call {@code System.exit}. */
    private static void format(String clusterId, Path propertiesFile) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", propertiesFile.toString()));
        System.out.println("[peer] formatting Kafka storage: " + String.join(" ", cmd.subList(4, cmd.size())));
        Process process = new ProcessBuilder(cmd).inheritIO().start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("kafka storage format did not finish in 2 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kafka storage format failed with exit code " + process.exitValue());
        }
    }
}
