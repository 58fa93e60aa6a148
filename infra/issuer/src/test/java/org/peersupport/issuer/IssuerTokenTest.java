package org.peersupport.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssuerTokenTest {

    static final Path KEY_DIR = tempDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("peersupport.issuer.key-dir", KEY_DIR::toString);
        registry.add("peersupport.issuer.uri", () -> "http://127.0.0.1:9999");
    }

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void tokenForStaffCarriesSubjectHospitalAndRoles() throws Exception {
        HttpResponse<String> r = token("lakeside-staff-1", "demo", true);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        String token = body.get("access_token").asString();

        // the payload, decoded by hand
        JsonNode payload = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(payload.get("sub").asString()).isEqualTo("lakeside-staff-1");
        assertThat(payload.get("hospital").asString()).isEqualTo("lakeside");
        assertThat(payload.get("roles").isArray()).isTrue();
        assertThat(payload.get("roles").get(0).asString()).isEqualTo("staff");
        assertThat(payload.get("roles").size()).isEqualTo(1);
        assertThat(payload.get("iss").asString()).isEqualTo("http://127.0.0.1:9999");

        // signed by the key published at /oauth2/jwks, valid for 8 hours
        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet jwks = JWKSet.parse(get("/oauth2/jwks").body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        // The services' audience, alone: not the client id the authorization server puts there by default.
        assertThat(claims.getAudience()).containsExactly("peer-support-network");
        Duration ttl = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
        assertThat(ttl).isEqualTo(Duration.ofHours(8));
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now().plus(Duration.ofHours(7)));
    }

    @Test
    void adminHasNoHospitalAndClientSecretPostWorks() throws Exception {
        HttpResponse<String> r = token("network-admin", "demo", false);
        assertThat(r.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = SignedJWT.parse(json.readTree(r.body()).get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("network-admin");
        assertThat(claims.getClaims()).doesNotContainKey("hospital");
        assertThat(claims.getAudience()).containsExactly("peer-support-network");
        assertThat(claims.getStringListClaim("roles")).containsExactly("admin");
    }

    @Test
    void supporterAndHospitalSystemTokens() throws Exception {
        for (String name : new String[] {"summit-supporter-2", "riverside-system", "riverside-coordinator"}) {
            HttpResponse<String> r = token(name, "demo", true);
            assertThat(r.statusCode()).as(name).isEqualTo(200);
            JWTClaimsSet claims =
                    SignedJWT.parse(json.readTree(r.body()).get("access_token").asString()).getJWTClaimsSet();
            DemoDirectory.Principal p = DemoDirectory.find(name).orElseThrow();
            assertThat(claims.getStringClaim("hospital")).isEqualTo(p.hospital());
            assertThat(claims.getStringListClaim("roles")).isEqualTo(p.roles());
        }
    }

    @Test
    void unknownClientOrWrongSecretIsUnauthorized() throws Exception {
        assertThat(token("nobody", "demo", true).statusCode()).isEqualTo(401);
        assertThat(token("lakeside-staff-1", "wrong", true).statusCode()).isEqualTo(401);
        assertThat(token("lakeside-staff-1", "wrong", false).statusCode()).isEqualTo(401);
    }

    @Test
    void healthAndDirectoryArePublic() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> dir = get("/demo/principals");
        assertThat(dir.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(dir.body());
        assertThat(list.size()).isEqualTo(22);
        assertThat(dir.body()).doesNotContain("demo\"").contains("\"network-admin\"");
    }

    @Test
    void signingKeyIsKeptInTheKeyFolder() throws Exception {
        Path file = KEY_DIR.resolve(SigningKeyStore.FILE);
        assertThat(file).exists();
        RSAKey stored = RSAKey.parse(Files.readString(file));
        RSAKey again = SigningKeyStore.loadOrCreate(KEY_DIR);
        assertThat(again.getKeyID()).isEqualTo(stored.getKeyID());
        JWKSet published = JWKSet.parse(get("/oauth2/jwks").body());
        assertThat(published.getKeyByKeyId(stored.getKeyID())).isNotNull();
        assertThat(published.getKeys().get(0).isPrivate()).isFalse();
    }

    private HttpResponse<String> token(String client, String secret, boolean basic) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        String form = "grant_type=client_credentials";
        if (basic) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        } else {
            form += "&" + encode(Map.of("client_id", client, "client_secret", secret));
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> form) {
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("issuer-keys");
            dir.toFile().deleteOnExit();
            return dir.resolve("keys");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
