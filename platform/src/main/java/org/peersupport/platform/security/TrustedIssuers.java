package org.peersupport.platform.security;

import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The issuers a service trusts, each bound to the hospitals it may speak for. A token is read first only for its
 * {@code iss}, to pick that issuer's decoder; then it is verified with that issuer's keys alone, so one issuer's key
 * can never vouch for another's tokens. An issuer bound to {@code *} (the network's own, or the local dev issuer)
 * speaks for every hospital and for the network-wide roles (the network admin); any other issuer's token must name
 * one of its hospitals and may not carry a network-wide role, whatever else it claims. Every refusal is a
 * {@link JwtException}, which the resource server answers with 401.
 */
public final class TrustedIssuers implements JwtDecoder {

    /** Bound to every hospital and allowed the network-wide roles. */
    public static final String EVERY_HOSPITAL = "*";

    /** One trusted issuer: its {@code iss}, where its keys are (a JWKS URI or a PEM public key), its hospitals. */
    public record Issuer(String uri, String jwkSetUri, Resource publicKeyLocation, List<String> hospitals) {

        public Issuer {
            if (uri == null || uri.isBlank()) {
                throw new IllegalArgumentException("a trusted issuer needs its uri");
            }
            hospitals = hospitals == null || hospitals.isEmpty() ? List.of() : List.copyOf(hospitals);
            if (hospitals.isEmpty()) {
                throw new IllegalArgumentException("trusted issuer " + uri + " is bound to no hospital (use * for all)");
            }
            if ((jwkSetUri == null || jwkSetUri.isBlank()) && publicKeyLocation == null) {
                throw new IllegalArgumentException("trusted issuer " + uri + " needs jwk-set-uri or public-key-location");
            }
        }

        boolean networkWide() {
            return hospitals.contains(EVERY_HOSPITAL);
        }
    }

    private static final OAuth2Error UNTRUSTED = new OAuth2Error("invalid_token",
            "The iss claim is not a trusted issuer.", null);

    private final Map<String, JwtDecoder> byIssuer;

    public TrustedIssuers(List<Issuer> issuers, String audience) {
        Map<String, JwtDecoder> decoders = new LinkedHashMap<>();
        for (Issuer issuer : issuers) {
            if (decoders.put(issuer.uri(), decoder(issuer, audience)) != null) {
                throw new IllegalArgumentException("trusted issuer " + issuer.uri() + " is listed twice");
            }
        }
        if (decoders.isEmpty()) {
            throw new IllegalArgumentException("no trusted issuer configured");
        }
        this.byIssuer = Map.copyOf(decoders);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("malformed token");
        }
        JwtDecoder decoder = issuer == null ? null : byIssuer.get(issuer);
        if (decoder == null) {
            // The issuer is not named, or not one of ours: its keys are never even fetched.
            throw new JwtValidationException("The iss claim is not a trusted issuer.", List.of(UNTRUSTED));
        }
        return decoder.decode(token);
    }

    private static JwtDecoder decoder(Issuer issuer, String audience) {
        NimbusJwtDecoder decoder;
        if (issuer.publicKeyLocation() != null) {
            try (InputStream pem = issuer.publicKeyLocation().getInputStream()) {
                RSAPublicKey key = RsaKeyConverters.x509().convert(pem);
                decoder = NimbusJwtDecoder.withPublicKey(key).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the public key of issuer " + issuer.uri(), e);
            }
        } else {
            // Fetched on first use and cached, so a service starts before its issuers do.
            decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        }
        decoder.setJwtValidator(validator(issuer, audience));
        return decoder;
    }

    /** Issuer, audience, a subject, an expiry and the hospital binding are all required. */
    static OAuth2TokenValidator<Jwt> validator(Issuer issuer, String audience) {
        JwtTimestampValidator expiry = new JwtTimestampValidator();
        expiry.setAllowEmptyExpiryClaim(false);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(
                expiry,
                new JwtIssuerValidator(issuer.uri()),
                new JwtAudienceValidator(audience),
                // Without a subject every such caller would share one pseudonym and one idempotency scope.
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, sub -> sub instanceof String s && !s.isBlank())));
        if (!issuer.networkWide()) {
            validators.add(new HospitalBinding(Set.copyOf(issuer.hospitals())));
        }
        return JwtValidators.createDefaultWithValidators(validators);
    }

    /** A hospital's issuer speaks for its own hospitals only, and never for the network as a whole. */
    private record HospitalBinding(Set<String> hospitals) implements OAuth2TokenValidator<Jwt> {

        private static final OAuth2Error NOT_ITS_HOSPITAL = new OAuth2Error("invalid_token",
                "The token's issuer may not speak for this hospital.", null);
        private static final OAuth2Error NETWORK_ROLE = new OAuth2Error("invalid_token",
                "The token's issuer may not grant a network-wide role.", null);

        @Override
        public OAuth2TokenValidatorResult validate(Jwt jwt) {
            Object hospital = jwt.getClaims().get(Caller.HOSPITAL_CLAIM);
            if (!(hospital instanceof String h) || !hospitals.contains(h)) {
                return OAuth2TokenValidatorResult.failure(NOT_ITS_HOSPITAL);
            }
            List<String> roles = jwt.getClaimAsStringList(Caller.ROLES_CLAIM);
            if (roles != null && roles.contains(Role.ADMIN.claimValue())) {
                return OAuth2TokenValidatorResult.failure(NETWORK_ROLE);
            }
            return OAuth2TokenValidatorResult.success();
        }
    }
}
