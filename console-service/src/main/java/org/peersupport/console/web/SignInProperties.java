package org.peersupport.console.web;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a browser needs to sign in and to call the services ({@code peersupport.console.sign-in.*}): the issuer the
 * console's pages sign in with, the public client id registered there, and each service's public base URL
 * ({@code services.<name>}). All of it is public by nature: a browser learns it anyway.
 */
@ConfigurationProperties("peersupport.console.sign-in")
public record SignInProperties(String issuer, @DefaultValue("peersupport-console") String clientId,
        Map<String, String> services) {

    public SignInProperties {
        services = services == null ? Map.of() : Map.copyOf(new TreeMap<>(services));
    }
}
