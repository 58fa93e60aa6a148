package org.peersupport.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The shared defaults every service imports: how its Kafka clients authenticate, and what is never retried. */
class KafkaClientDefaultsTest {

    private static Properties defaults() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("peersupport-defaults.yaml"));
        return yaml.getObject();
    }

    @Test
    void everyKafkaClientTakesItsSecurityFromTheEnvironmentAndStaysOnPlaintextWithout() {
        Properties p = defaults();
        String configuration = "spring.cloud.stream.kafka.binder.configuration.";
        assertThat(p.getProperty(configuration + "security.protocol"))
                .isEqualTo("${KAFKA_SECURITY_PROTOCOL:PLAINTEXT}");
        assertThat(p.getProperty(configuration + "sasl.mechanism")).isEqualTo("${KAFKA_SASL_MECHANISM:}");
        assertThat(p.getProperty(configuration + "sasl.jaas.config")).isEqualTo("${KAFKA_SASL_JAAS_CONFIG:}");
    }

    @Test
    void untrustedAndUndecodableRecordsGoStraightToTheDeadLetterTopic() {
        Properties p = defaults();
        String retryable = "spring.cloud.stream.default.consumer.retryable-exceptions.";
        assertThat(p.getProperty(retryable + UntrustedEventException.class.getName())).isEqualTo("false");
        assertThat(p.getProperty(retryable + UndecodableEventException.class.getName())).isEqualTo("false");
    }
}
