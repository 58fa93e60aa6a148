package org.peersupport.stack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-wire store (mongo-java-server) over an H2 MVStore file in the data folder, listening on
 * 127.0.0.1 only. SIGTERM closes the store cleanly, so the data survives a restart.
 *
 * <p>Arguments: {@code --port=27017 --data-dir=PATH} (or system properties {@code peersupport.mongo.port},
 * {@code peersupport.mongo.data-dir}).
 */
public final class MongoStoreMain {

    static final String STORE_FILE = "mongo.mv.db";

    private MongoStoreMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Args.parse(args, "peersupport.mongo.");
        int port = Integer.parseInt(Args.require(opts, "port"));
        Path dataDir = Path.of(Args.require(opts, "data-dir")).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(STORE_FILE);

        H2Backend backend = new HelloAwareH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[peer] stopping MongoDB-wire store, closing " + file);
            try {
                server.shutdownNow();
            } catch (RuntimeException e) {
                System.out.println("[peer] server shutdown: " + e);
            }
            try {
                if (!backend.getMvStore().isClosed()) {
                    backend.close();
                }
            } finally {
                stopped.countDown();
            }
            System.out.println("[peer] MongoDB-wire store closed");
        }, "mongo-store-shutdown"));
        // One worker thread: mongo-java-server does not run a findAndModify atomically against concurrent
        // commands, so commands are processed one at a time; that makes the services' version guards and lease
        // claims true compare-and-set operations on this store.
        server.bind(new java.net.InetSocketAddress("127.0.0.1", port), 1, 1);
        System.out.println("[peer] MongoDB-wire store (mongo-java-server, H2 file " + file + ") listening on 127.0.0.1:"
                + port);
        stopped.await();
    }

    /**
     * mongo-java-server 1.47.0 knows {@code isMaster} but not its successor {@code hello}, which Spring Boot's
     * MongoDB health indicator sends; answer {@code hello} as {@code isMaster} (plus {@code isWritablePrimary}).
     */
    static final class HelloAwareH2Backend extends H2Backend {

        HelloAwareH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document answer = super.handleCommand(channel, databaseName, "isMaster", query);
                answer.put("isWritablePrimary", Boolean.TRUE);
                return answer;
            }
            Document answer = super.handleCommand(channel, databaseName, command, query);
            if (WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
                // H2 otherwise commits once a second in the background, so a SIGKILL would lose writes the store
                // had already acknowledged: a request answered 202 could vanish. Commit before the answer goes out.
                commit();
            }
            return answer;
        }

        private static final java.util.Set<String> WRITES = java.util.Set.of("insert", "update", "delete",
                "findandmodify", "createindexes", "drop", "dropdatabase", "dropindexes", "create");
    }
}
