package org.peersupport.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The local dev OAuth2 issuer: client-credentials tokens for the demo principals. Never for production. */
@SpringBootApplication
public class IssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IssuerApplication.class, args);
    }
}
