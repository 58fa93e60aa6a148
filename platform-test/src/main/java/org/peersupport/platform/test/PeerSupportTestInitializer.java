package org.peersupport.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a service under test at the shared broker and store, a database of its own, and the test token issuers. */
public class PeerSupportTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String service = context.getEnvironment().getProperty("peersupport.service-name", "service");
        try {
            TestPropertyValues.of(
                    "spring.cloud.stream.kafka.binder.brokers=" + infrastructure.kafkaBootstrap(),
                    "spring.mongodb.uri=" + infrastructure.mongoUri(),
                    "spring.mongodb.database=" + service + "-" + UUID.randomUUID().toString().substring(0, 8),
                    "peersupport.security.public-key-location=file:" + TestTokens.publicKeyFile(),
                    // Two trusted issuers: the network's (every hospital) and Lakeside's own (its hospitals only).
                    "peersupport.security.issuers[0].uri=" + TestTokens.ISSUER,
                    "peersupport.security.issuers[0].public-key-location=file:" + TestTokens.publicKeyFile(),
                    "peersupport.security.issuers[0].hospitals=*",
                    "peersupport.security.issuers[1].uri=" + TestTokens.LAKESIDE_ISSUER,
                    "peersupport.security.issuers[1].public-key-location=file:" + TestTokens.lakesidePublicKeyFile(),
                    "peersupport.security.issuers[1].hospitals=" + TestTokens.LAKESIDE_HOSPITALS,
                    "peersupport.data-dir=" + Files.createTempDirectory("peersupport-" + service),
                    "peersupport.outbox.idle-interval=200ms",
                    "peersupport.timers.poll-interval=100ms",
                    "peersupport.metrics.kafka-backlog-interval=1s",
                    "spring.cloud.stream.default.consumer.back-off-initial-interval=100",
                    "spring.cloud.stream.default.consumer.back-off-max-interval=200")
                    .applyTo(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
