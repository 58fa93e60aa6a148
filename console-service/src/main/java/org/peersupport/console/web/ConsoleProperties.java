package org.peersupport.console.web;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the other parts of the network answer health checks ({@code peersupport.console.parts.<name>=<management
 * base URL>}) and how long one round of answers is reused for every caller of the public health page.
 */
@ConfigurationProperties("peersupport.console")
public record ConsoleProperties(Map<String, String> parts, @DefaultValue("5s") Duration healthCacheTtl) {

    public ConsoleProperties {
        parts = parts == null ? Map.of() : Map.copyOf(parts);
    }
}
