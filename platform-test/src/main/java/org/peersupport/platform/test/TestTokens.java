package org.peersupport.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs JWTs like the dev issuer's, with a key pair made once per test JVM; services under test trust its public key.
 * A second issuer, Lakeside's own identity provider ({@link #LAKESIDE_ISSUER}, its own key pair), is trusted for
 * Lakeside and Summit only ({@link #LAKESIDE_HOSPITALS}), so tests can show a hospital's issuer cannot act for
 * another hospital.
 */
public final class TestTokens {

    public static final String ISSUER = "http://127.0.0.1:9000";
    /** The audience the services require (peersupport.security.audience). */
    public static final String AUDIENCE = "peer-support-network";
    /** A hospital's own identity provider, trusted for {@link #LAKESIDE_HOSPITALS} only. */
    public static final String LAKESIDE_ISSUER = "http://lakeside-idp.test";
    public static final String LAKESIDE_HOSPITALS = "lakeside,summit";

    private static final KeyPair KEYS = generate();
    private static final Path PUBLIC_KEY_FILE = writePublicKey(KEYS);
    private static final KeyPair LAKESIDE_KEYS = generate();
    private static final Path LAKESIDE_PUBLIC_KEY_FILE = writePublicKey(LAKESIDE_KEYS);

    private TestTokens() {
    }

    /** A token for a principal of a hospital (null for none) with the given role claim values. */
    public static String token(String subject, String hospital, String... roles) {
        return sign(claims(subject, hospital, roles).build(), KEYS);
    }

    /** As {@link #token}, but minted for another API: no {@code aud} claim. Services answer 401. */
    public static String tokenWithoutAudience(String subject, String hospital, String... roles) {
        return sign(claims(subject, hospital, roles).audience((String) null).build(), KEYS);
    }

    /** As {@link #token}, but with no {@code sub} claim. Services answer 401. */
    public static String tokenWithoutSubject(String hospital, String... roles) {
        return sign(claims(null, hospital, roles).build(), KEYS);
    }

    /** As {@link #token}, but with no {@code exp} claim, so it would never expire. Services answer 401. */
    public static String tokenWithoutExpiry(String subject, String hospital, String... roles) {
        return sign(claims(subject, hospital, roles).expirationTime(null).build(), KEYS);
    }

    /** The claims of a valid token; the builders above each take one away. */
    public static JWTClaimsSet.Builder claims(String subject, String hospital, String... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(roles));
        if (hospital != null) {
            claims.claim("hospital", hospital);
        }
        return claims;
    }

    /** A token of Lakeside's identity provider, signed with its key: valid only for the hospitals it is bound to. */
    public static String lakesideToken(String subject, String hospital, String... roles) {
        return sign(claims(subject, hospital, roles).issuer(LAKESIDE_ISSUER).build(), LAKESIDE_KEYS);
    }

    /** A well-formed token signed by a key nobody trusts. */
    public static String forgedToken(String subject, String hospital, String... roles) {
        return sign(claims(subject, hospital, roles).build(), generate());
    }

    public static Path publicKeyFile() {
        return PUBLIC_KEY_FILE;
    }

    public static Path lakesidePublicKeyFile() {
        return LAKESIDE_PUBLIC_KEY_FILE;
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey(KeyPair keys) {
        try {
            Path file = Files.createTempFile("peersupport-test-jwt", ".pub");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
