package org.peersupport.archfixture.broken.application;

/** Breaks ONLY_MESSAGING_KNOWS_KAFKA: an application service that sends to Kafka itself. */
public class KafkaInApplication {

    org.apache.kafka.clients.producer.Producer<String, String> producer;
}
