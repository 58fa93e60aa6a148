package org.peersupport.platform.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One mongo-java-server on a free port of 127.0.0.1 per test JVM, on the in-memory H2 backend: the local stack's
 * backend, whose reads never see a half-applied write (the plain memory backend's can). Each test takes a fresh
 * database, so tests never see each other's documents.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile EmbeddedMongo shared;

    private final MongoServer server;
    private final String uri;
    private final List<MongoClient> clients = new CopyOnWriteArrayList<>();

    /** The server of this test JVM, stopped with the JVM. */
    public static EmbeddedMongo shared() {
        if (shared == null) {
            synchronized (EmbeddedMongo.class) {
                if (shared == null) {
                    EmbeddedMongo mongo = new EmbeddedMongo();
                    Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "embedded-mongo-stop"));
                    shared = mongo;
                }
            }
        }
        return shared;
    }

    private EmbeddedMongo() {
        server = new MongoServer(H2Backend.inMemory());
        // One worker thread: commands run one at a time, which makes findAndModify a true compare-and-set here.
        server.bind(new java.net.InetSocketAddress("127.0.0.1", 0), 1, 1);
        uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    /** A name no other test has used. */
    public static String freshDatabase() {
        return "test" + DATABASES.incrementAndGet();
    }

    /** A template over its own client, as one service instance would have. */
    public MongoTemplate template(String database) {
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return new MongoTemplate(client, database);
    }

    /** A template whose client reports every command it sends to the listener. */
    public MongoTemplate template(String database, com.mongodb.event.CommandListener listener) {
        MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(uri)).addCommandListener(listener).build());
        clients.add(client);
        return new MongoTemplate(client, database);
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }
}
