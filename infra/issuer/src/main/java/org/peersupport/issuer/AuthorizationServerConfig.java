package org.peersupport.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Spring Authorization Server for the demo principals: each is a client-credentials client (8-hour JWT access
 * tokens, for scripts and tests), and each can sign in through the login form (password {@code demo}) to the
 * console, a public OIDC client using the authorization-code flow with PKCE. Both kinds of token carry the same
 * claims.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    static final Duration ACCESS_TOKEN_TTL = Duration.ofHours(8);
    /** A person's browser session with the services: a working shift at most, then sign in again. */
    static final Duration SIGN_IN_TOKEN_TTL = Duration.ofHours(1);
    static final String CONSOLE_CLIENT = "peersupport-console";
    /** The one console page the issuer sends a browser back to; session.js goes on to the page that asked. */
    static final String CONSOLE_REDIRECT_PATH = "/index.html";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer as = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(as.getEndpointsMatcher())
                .with(as, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                // The console's pages exchange the code and read the keys from the browser.
                .cors(Customizer.withDefaults())
                // A browser that is not signed in yet is sent to the login form, and comes back to the request.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
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
                // The login form (Spring's own page, with its CSRF token): name of a demo principal, password demo.
                .formLogin(form -> form.permitAll());
        return http.build();
    }

    /** The demo principals as people who sign in: name = principal, password {@code demo}. */
    @Bean
    UserDetailsService demoPeople() {
        return new InMemoryUserDetailsManager(DemoDirectory.all().stream()
                .map(p -> User.withUsername(p.name()).password("{noop}" + DemoDirectory.SECRET)
                        .roles(p.roles().stream().map(r -> r.toUpperCase(Locale.ROOT).replace('-', '_'))
                                .toArray(String[]::new))
                        .build())
                .toList());
    }

    /** The token endpoint, keys and discovery answer the console's origins; no cookies cross. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(IssuerProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.consoleOrigins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Content-Type", "Accept", "Authorization"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", cors);
        source.registerCorsConfiguration("/oauth2/jwks", cors);
        source.registerCorsConfiguration("/userinfo", cors);
        source.registerCorsConfiguration("/.well-known/**", cors);
        return source;
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IssuerProperties properties) {
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(ACCESS_TOKEN_TTL)
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .build();
        List<RegisteredClient> clients = new ArrayList<>(DemoDirectory.all().stream()
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
                .toList());
        clients.add(consoleClient(properties));
        return new DemoClientRepository(clients);
    }

    /** The console's pages: a public client (no secret a browser could not keep), PKCE required, no consent page. */
    static RegisteredClient consoleClient(IssuerProperties properties) {
        RegisteredClient.Builder console = RegisteredClient.withId(CONSOLE_CLIENT)
                .clientId(CONSOLE_CLIENT)
                .clientName("Peer Support Network console")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(SIGN_IN_TOKEN_TTL)
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .build());
        properties.consoleOrigins().forEach(origin -> console.redirectUri(origin + CONSOLE_REDIRECT_PATH));
        return console.build();
    }

    /**
     * Adds {@code hospital} (when there is one) and {@code roles} to every access token, and names the network's
     * services as its audience in place of the client id, which is what the services check {@code aud} against. The
     * principal is the client itself for client credentials, the person who signed in for the console; the ID token
     * gets the same {@code hospital}, {@code roles} and a {@code name}, its audience staying the console's client id.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoClaims(@Value("${peersupport.issuer.audience}") String audience) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            String principal = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                    ? context.getRegisteredClient().getClientId() : context.getPrincipal().getName();
            if (accessToken) {
                context.getClaims().audience(List.of(audience));
            }
            DemoDirectory.find(principal).ifPresent(p -> {
                context.getClaims().subject(p.name());
                if (p.hospital() != null) {
                    context.getClaims().claim("hospital", p.hospital());
                }
                context.getClaims().claim("roles", p.roles());
                if (idToken) {
                    context.getClaims().claim("name", p.name());
                }
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
    AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.uri()).build();
    }
}
