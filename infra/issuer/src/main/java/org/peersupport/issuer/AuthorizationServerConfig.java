package org.peersupport.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/** Spring Authorization Server for the demo principals: client credentials only, 8-hour JWT access tokens. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    static final Duration ACCESS_TOKEN_TTL = Duration.ofHours(8);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer as = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(as.getEndpointsMatcher())
                .with(as, Customizer.withDefaults())
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.ignoringRequestMatchers(as.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/demo/principals", "/error")
                        .permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository() {
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(ACCESS_TOKEN_TTL)
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .build();
        List<RegisteredClient> clients = DemoDirectory.all().stream()
                .map(p -> RegisteredClient.withId(p.name())
                        .clientId(p.name())
                        .clientName(p.name())
                        .clientSecret("{noop}" + DemoDirectory.SECRET)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                        .tokenSettings(tokens)
                        .build())
                .toList();
        return new DemoClientRepository(clients);
    }

    /**
     * Adds {@code hospital} (when there is one) and {@code roles} to every access token, and names the network's
     * services as its audience in place of the client id, which is what the services check {@code aud} against.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoClaims(@Value("${peersupport.issuer.audience}") String audience) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            context.getClaims().audience(List.of(audience));
            DemoDirectory.find(context.getRegisteredClient().getClientId()).ifPresent(p -> {
                context.getClaims().subject(p.name());
                if (p.hospital() != null) {
                    context.getClaims().claim("hospital", p.hospital());
                }
                context.getClaims().claim("roles", p.roles());
            });
        };
    }

    /** Spring's delegating encoder, minus the re-encoding of {@code {noop}} secrets on every first use. */
    @Bean
    PasswordEncoder passwordEncoder() {
        PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return delegate.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return delegate.matches(raw, encoded);
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return false;
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${peersupport.issuer.key-dir}") String keyDir) {
        RSAKey key = SigningKeyStore.loadOrCreate(Path.of(keyDir));
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${peersupport.issuer.uri}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }
}
