package org.peersupport.archfixture.broken.domain;

/** Breaks DOMAIN_IS_PLAIN_JAVA: a domain class that needs Spring. */
public class SpringInDomain {

    org.springframework.core.env.Environment environment;
}
