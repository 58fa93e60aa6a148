package org.peersupport.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local dev OAuth2/OIDC issuer: client-credentials tokens for the demo principals, and their sign-in to the
 * console. Never for production.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IssuerApplication.class, args);
    }
}
