package org.peersupport.platform.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One mongo-java-server (memory backend) on a free port of 127.0.0.1 per test class. Each test takes a fresh
 * database, so tests of one class never see each other's documents.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final MongoServer server;
    private final String uri;
    private final List<MongoClient> clients = new CopyOnWriteArrayList<>();

    public EmbeddedMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
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

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }
}
