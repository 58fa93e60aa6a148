package org.peersupport.console.web;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console pages' public configuration: where to sign in and where each service answers. Open without a token,
 * since a page needs it before anyone has signed in; it names only public addresses.
 */
@RestController
class ConsoleConfigController {

    private final SignInProperties signIn;

    ConsoleConfigController(SignInProperties signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/api/console/config")
    ConsoleConfig config() {
        return new ConsoleConfig(signIn.issuer(), signIn.clientId(), signIn.services());
    }

    record ConsoleConfig(String issuer, String clientId, Map<String, String> services) {
    }
}
