package org.peersupport.archfixture.broken.domain;

/** Breaks DOMAIN_IS_PLAIN_JAVA: a domain class that reaches the platform beyond its kernel. */
public class PlatformInDomain {

    org.peersupport.platform.outbox.OutboxDocument document;
}
