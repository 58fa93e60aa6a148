package org.peersupport.console.web;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the pages' one script (session.js) needs before it can call anything: each service's public base URL. Public,
 * like the pages themselves; it holds addresses the browser uses anyway and nothing about a person.
 */
@RestController
class ConsoleConfigController {

    private final ConsoleProperties properties;

    ConsoleConfigController(ConsoleProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/api/console/config")
    ConsoleConfig config() {
        return new ConsoleConfig(properties.services());
    }

    record ConsoleConfig(Map<String, String> services) {
    }
}
