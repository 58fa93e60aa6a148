package org.peersupport.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One Kafka broker and one MongoDB-wire store per test JVM: real Kafka and {@code mongo} containers where a Docker
 * engine answers, otherwise an embedded KRaft broker and mongo-java-server ({@link TestInfrastructure} chooses).
 * Started on first use, stopped with the JVM.
 */
public final class SharedInfrastructure {

    private static volatile SharedInfrastructure instance;

    private final String kafkaBootstrap;
    private final String mongoUri;
    private final String kind;

    private SharedInfrastructure(String kafkaBootstrap, String mongoUri, String kind) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.mongoUri = mongoUri;
        this.kind = kind;
    }

    public static SharedInfrastructure get() {
        if (instance == null) {
            synchronized (SharedInfrastructure.class) {
                if (instance == null) {
                    TestInfrastructure parts = TestInfrastructure.ofThisJvm().orElseThrow(() ->
                            new IllegalStateException("no Docker engine answers, and containers were asked for ("
                                    + TestInfrastructure.SETTING + "=containers)"));
                    instance = parts == TestInfrastructure.CONTAINERS ? containers() : embedded();
                }
            }
        }
        return instance;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String mongoUri() {
        return mongoUri;
    }

    /** "containers" or "embedded", for test output. */
    public String kind() {
        return kind;
    }

    private static SharedInfrastructure embedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.afterPropertiesSet();
        // The local stack's backend, in memory: reads never see a half-applied write, unlike the memory backend's.
        MongoServer mongo = new MongoServer(H2Backend.inMemory());
        // One worker thread: commands run one at a time, which makes findAndModify a true compare-and-set here.
        mongo.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        InetSocketAddress address = mongo.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }, "shared-infrastructure-stop"));
        return new SharedInfrastructure(kafka.getBrokersAsString(),
                "mongodb://127.0.0.1:" + address.getPort(), "embedded");
    }

    @SuppressWarnings("resource")
    private static SharedInfrastructure containers() {
        // Set as the embedded broker is: three partitions per topic, no wait before the first rebalance.
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        System.out.println("shared test infrastructure: Kafka " + kafka.getDockerImageName() + ", MongoDB "
                + mongo.getDockerImageName());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.stop();
            kafka.stop();
        }, "shared-containers-stop"));
        return new SharedInfrastructure(kafka.getBootstrapServers(), mongo.getConnectionString(), "containers");
    }
}
