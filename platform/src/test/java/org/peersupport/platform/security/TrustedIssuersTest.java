package org.peersupport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Two identity providers, each a small JWKS server with its own key pair: the network's (bound to every hospital)
 * and Lakeside's (bound to Lakeside and Summit). A token counts only for what its own issuer may speak for.
 */
class TrustedIssuersTest {

    static final String AUDIENCE = "peer-support-network";
    static final String NETWORK = "http://network-idp.test";
    static final String LAKESIDE = "http://lakeside-idp.test";

    static RSAKey networkKey;
    static RSAKey lakesideKey;
    static HttpServer networkJwks;
    static HttpServer lakesideJwks;
    static final AtomicInteger LAKESIDE_JWKS_ASKED = new AtomicInteger();
    static TrustedIssuers issuers;

    @BeforeAll
    static void twoIssuers() throws Exception {
        networkKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("network").generate();
        lakesideKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("lakeside").generate();
        networkJwks = jwks(networkKey, new AtomicInteger());
        lakesideJwks = jwks(lakesideKey, LAKESIDE_JWKS_ASKED);
        issuers = new TrustedIssuers(List.of(
                new TrustedIssuers.Issuer(NETWORK, url(networkJwks), null, List.of("*")),
                new TrustedIssuers.Issuer(LAKESIDE, url(lakesideJwks), null, List.of("lakeside", "summit"))),
                AUDIENCE);
    }

    @AfterAll
    static void stop() {
        networkJwks.stop(0);
        lakesideJwks.stop(0);
    }

    @Test
    void lakesidesIssuerSpeaksForItsOwnHospitals() throws Exception {
        Jwt jwt = issuers.decode(token(LAKESIDE, lakesideKey, "lakeside-coordinator", "lakeside", "coordinator"));
        assertThat(Caller.of(jwt).hospital()).isEqualTo("lakeside");

        assertThat(issuers.decode(token(LAKESIDE, lakesideKey, "summit-staff-1", "summit", "staff")).getSubject())
                .isEqualTo("summit-staff-1");
    }

    @Test
    void lakesidesIssuerCannotActForRiversideWhateverItClaims() {
        assertThatThrownBy(() -> issuers.decode(token(LAKESIDE, lakesideKey, "riverside-staff-1", "riverside",
                "staff"))).isInstanceOf(JwtValidationException.class).hasMessageContaining("hospital");
    }

    @Test
    void lakesidesIssuerGrantsNoNetworkWideRole() {
        // Neither the network admin (no hospital) nor an admin role beside one of its own hospitals.
        assertThatThrownBy(() -> issuers.decode(token(LAKESIDE, lakesideKey, "network-admin", null, "admin")))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> issuers.decode(token(LAKESIDE, lakesideKey, "lakeside-admin", "lakeside", "admin")))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("network-wide");
    }

    @Test
    void theNetworkWideIssuerSpeaksForEveryHospitalAndTheNetworkAdmin() throws Exception {
        assertThat(issuers.decode(token(NETWORK, networkKey, "riverside-staff-1", "riverside", "staff"))
                .getClaimAsString("hospital")).isEqualTo("riverside");
        assertThat(Caller.of(issuers.decode(token(NETWORK, networkKey, "network-admin", null, "admin")))
                .has(Role.ADMIN)).isTrue();
    }

    @Test
    void aTokenSignedWithTheOtherIssuersKeyIsRefused() {
        // Lakeside's key cannot vouch for a token naming the network's issuer, which could act for any hospital.
        assertThatThrownBy(() -> issuers.decode(token(NETWORK, lakesideKey, "riverside-staff-1", "riverside",
                "staff"))).isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
    }

    @Test
    void anUnlistedIssuerIsRefusedWithoutAskingAnyoneForItsKeys() throws Exception {
        int asked = LAKESIDE_JWKS_ASKED.get();
        assertThatThrownBy(() -> issuers.decode(token("http://elsewhere.test", lakesideKey, "lakeside-staff-1",
                "lakeside", "staff"))).isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> issuers.decode(token(null, lakesideKey, "lakeside-staff-1", "lakeside", "staff")))
                .isInstanceOf(JwtValidationException.class);
        assertThat(LAKESIDE_JWKS_ASKED.get()).isEqualTo(asked);
    }

    @Test
    void theAudienceIsStillChecked() throws Exception {
        JWTClaimsSet otherApi = new JWTClaimsSet.Builder(claims(LAKESIDE, "lakeside-staff-1", "lakeside", "staff"))
                .audience("another-api").build();
        assertThatThrownBy(() -> issuers.decode(sign(otherApi, lakesideKey)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
    }

    @Test
    void anIssuerMustBeBoundToSomeHospital() {
        assertThatThrownBy(() -> new TrustedIssuers.Issuer(LAKESIDE, "http://lakeside-idp.test/jwks", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no hospital");
    }

    static String token(String issuer, RSAKey key, String subject, String hospital, String... roles)
            throws Exception {
        return sign(claims(issuer, subject, hospital, roles), key);
    }

    static JWTClaimsSet claims(String issuer, String subject, String hospital, String... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject(subject)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString()).claim("roles", List.of(roles));
        if (hospital != null) {
            claims.claim("hospital", hospital);
        }
        return claims.build();
    }

    static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static HttpServer jwks(RSAKey key, AtomicInteger asked) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            asked.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }
}
