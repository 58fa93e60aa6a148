package org.peersupport.console.web;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the other parts of the network answer: {@code peersupport.console.parts.<name>=<base URL>}. */
@ConfigurationProperties("peersupport.console")
public record ConsoleProperties(Map<String, String> parts) {

    public ConsoleProperties {
        parts = parts == null ? Map.of() : Map.copyOf(parts);
    }
}
