package org.peersupport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pages' Content-Security-Policy: their own origin, plus only the plain origins a service lists. */
class ContentSecurityPolicyTest {

    @Test
    void withoutConnectSourcesThePagesCallTheirOwnOriginOnly() {
        assertThat(PlatformAutoConfiguration.contentSecurityPolicy(List.of()))
                .contains("connect-src 'self';").contains("script-src 'self';").contains("frame-ancestors 'none'");
    }

    @Test
    void listedOriginsAreAddedToConnectSrcAndNothingElseIs() {
        String policy = PlatformAutoConfiguration.contentSecurityPolicy(List.of("http://127.0.0.1:8081",
                "https://intake.example.org", "http://x; script-src *", "*", "'unsafe-inline'", "javascript:"));

        assertThat(policy).contains("connect-src 'self' http://127.0.0.1:8081 https://intake.example.org;")
                .doesNotContain("script-src *").doesNotContain("unsafe-inline").doesNotContain("javascript:")
                .doesNotContain(" * ");
    }
}
