package org.peersupport.issuer;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The issuer's own settings: its {@code iss}, and the console origins whose pages sign in here (each gets the redirect
 * URI {@code <origin>/index.html} and may call the token endpoint across origins).
 */
@ConfigurationProperties("peersupport.issuer")
record IssuerProperties(String uri, List<String> consoleOrigins) {

    IssuerProperties {
        consoleOrigins = consoleOrigins == null ? List.of() : consoleOrigins.stream().map(String::trim)
                .filter(origin -> !origin.isEmpty()).map(origin -> origin.replaceAll("/+$", "")).toList();
    }
}
