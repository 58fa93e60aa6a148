package org.peersupport.archfixture.clean.messaging;

/** Holds every rule: Kafka in messaging. */
public class KafkaInMessaging {

    org.apache.kafka.clients.producer.Producer<String, String> producer;
}
