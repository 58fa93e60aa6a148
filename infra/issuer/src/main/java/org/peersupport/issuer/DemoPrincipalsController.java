package org.peersupport.issuer;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The demo directory, read-only, for scripts ({@code GET /demo/principals}); it holds no secrets. */
@RestController
class DemoPrincipalsController {

    @GetMapping("/demo/principals")
    List<DemoDirectory.Principal> principals() {
        return DemoDirectory.all();
    }
}
