package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Lakeside's own identity provider is trusted for Lakeside and Summit only (platform-test's second issuer): its
 * people ask for support at their hospital, and its token can never act for Riverside, whatever it claims.
 */
@ServiceTest
class HospitalIssuerTest {

    @LocalServerPort
    int port;

    @Test
    void lakesidesIssuerActsForLakesideAndSummit() {
        Api api = Api.local(port);
        String subject = "lakeside-staff-" + UUID.randomUUID();
        Api.Response submitted = api.post("/api/hospitals/lakeside/requests",
                TestTokens.lakesideToken(subject, "lakeside", "staff"), IntakeFlowTest.body("Ana B", "+16035550111"));

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        assertThat(api.get("/api/hospitals/summit/crisis-resources",
                TestTokens.lakesideToken("summit-staff-1", "summit", "staff")).status()).isEqualTo(200);
    }

    @Test
    void lakesidesIssuerClaimingRiversideIsRefusedAsAProblem() {
        Api.Response refused = Api.local(port).post("/api/hospitals/riverside/requests",
                TestTokens.lakesideToken("riverside-staff-1", "riverside", "staff"),
                IntakeFlowTest.body("Ana B", "+16035550111"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).as(refused.contentType()).isTrue();
        assertThat(refused.body()).doesNotContain("Ana B").doesNotContain("riverside-staff-1");
    }

    @Test
    void aTokenNamingATrustedIssuerButSignedByAnotherKeyIsRefused() {
        assertThat(Api.local(port).get("/api/hospitals/lakeside/crisis-resources",
                TestTokens.forgedToken("lakeside-staff-1", "lakeside", "staff")).status()).isEqualTo(401);
    }
}
