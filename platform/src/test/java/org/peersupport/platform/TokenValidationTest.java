package org.peersupport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** The platform's JWT decoder: signature, issuer, audience, subject and expiry are all required. */
class TokenValidationTest {

    static final String ISSUER = "http://issuer.test";

    @TempDir
    static Path dir;

    static KeyPair keys;
    static JwtDecoder decoder;

    @BeforeAll
    static void decoder() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        Path pem = dir.resolve("jwt.pub");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        PlatformProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "peersupport.security.issuer-uri", ISSUER,
                "peersupport.security.public-key-location", "file:" + pem)))
                .bindOrCreate("peersupport", PlatformProperties.class);
        assertThat(properties.security().audience()).isEqualTo("peer-support-network");
        decoder = new PlatformAutoConfiguration().jwtDecoder(properties);
    }

    static String token(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("lakeside-staff-1")
                .audience("peer-support-network").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("roles", List.of("staff"));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims.build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void aCompleteTokenIsAccepted() throws Exception {
        Jwt jwt = decoder.decode(token(claims -> { }));
        assertThat(jwt.getSubject()).isEqualTo("lakeside-staff-1");

        // Other audiences may be listed as well, as long as this network is one of them.
        assertThat(decoder.decode(token(claims -> claims.audience(List.of("reporting", "peer-support-network")))))
                .isNotNull();
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefused() {
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.audience("another-api"))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.audience((String) null))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.subject(null))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("sub");
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.subject(" "))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("sub");
    }

    @Test
    void aTokenWithoutExpiryOrExpiredIsRefused() {
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.expirationTime(null))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("exp");
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.issuer("http://elsewhere.test"))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
    }
}
