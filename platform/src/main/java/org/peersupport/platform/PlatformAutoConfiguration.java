package org.peersupport.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.peersupport.events.Topics;
import org.peersupport.platform.crypto.FieldCipher;
import org.peersupport.platform.crypto.KeyFolder;
import org.peersupport.platform.crypto.Pseudonyms;
import org.peersupport.platform.messaging.ConsumerReadiness;
import org.peersupport.platform.messaging.Correlation;
import org.peersupport.platform.messaging.EventCodec;
import org.peersupport.platform.messaging.EventDispatcher;
import org.peersupport.platform.messaging.EventPublisher;
import org.peersupport.platform.messaging.KafkaBacklog;
import org.peersupport.platform.messaging.RedactedDeadLetters;
import org.peersupport.platform.outbox.OutboxRelay;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.ProblemSecurityHandlers;
import org.peersupport.platform.security.TrustedIssuers;
import org.peersupport.platform.timers.TimerHandler;
import org.peersupport.platform.timers.TimerPoller;
import org.peersupport.platform.timers.TimerStore;
import org.peersupport.platform.web.BodySizeLimitFilter;
import org.peersupport.platform.web.CorrelationIdFilter;
import org.peersupport.platform.web.ProblemDetailsAdvice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** Wires the shared plumbing into every service that has the platform on its classpath. */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    EventPublisher eventPublisher(StreamBridge bridge, PlatformProperties properties) {
        // The source consumers check against the owner of each topic (Topics.owner): one format, defined in events.
        return new EventPublisher(bridge, Topics.source(properties.serviceName()));
    }

    @Bean
    RedactedDeadLetters redactedDeadLetters(StreamBridge bridge) {
        return new RedactedDeadLetters(bridge);
    }

    @Bean
    EventDispatcher eventDispatcher(EventCodec codec, MeterRegistry meters) {
        return new EventDispatcher(codec, meters);
    }

    @Bean
    TimerStore timerStore(MongoTemplate mongo, Clock clock) {
        return new TimerStore(mongo, clock);
    }

    @Bean
    OutboxRelay outboxRelay(EventPublisher publisher, TimerStore timers, MeterRegistry meters, Clock clock,
            PlatformProperties properties, ObjectProvider<ObservationRegistry> observations) {
        return new OutboxRelay(publisher, timers, meters, clock, properties.outbox().idleInterval(),
                properties.outbox().failureBackoff(), properties.outbox().maxAttempts(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), properties.outbox().lanes());
    }

    @Bean
    TimerPoller timerPoller(TimerStore store, List<TimerHandler> handlers, MeterRegistry meters,
            PlatformProperties properties) {
        return new TimerPoller(store, handlers, meters, properties.timers().pollInterval(),
                properties.timers().lease(), properties.timers().maxAttempts());
    }

    @Bean
    MongoClientSettingsBuilderCustomizer storeTimeouts(PlatformProperties properties) {
        long millis = properties.store().serverSelectionTimeout().toMillis();
        return settings -> settings.applyToClusterSettings(cluster -> cluster
                .serverSelectionTimeout(millis, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Bean("outbox")
    OutboxHealthIndicator outboxHealthIndicator(OutboxRelay relay, TimerStore timers) {
        return new OutboxHealthIndicator(relay, timers);
    }

    @Bean
    FieldCipher fieldCipher(PlatformProperties properties) {
        return new FieldCipher(KeyFolder.of(properties.dataDir().resolve("keys"),
                properties.crypto().keyEncryptionKeyset()));
    }

    @Bean
    Pseudonyms pseudonyms(PlatformProperties properties) {
        return new Pseudonyms(KeyFolder.of(properties.dataDir().resolve("keys"),
                properties.crypto().keyEncryptionKeyset()));
    }

    /** Health {@code consumers} (in the readiness group) and the rebalance listener of every Kafka binding. */
    @Bean("consumers")
    ConsumerReadiness consumerReadiness(ObjectProvider<BindingService> bindings, Environment environment,
            PlatformProperties properties) {
        PlatformProperties.Readiness readiness = properties.readiness();
        return new ConsumerReadiness(bindings, ConsumerReadiness.adminSettings(environment),
                readiness.caughtUpTopics(), readiness.cacheFor(), readiness.timeout());
    }

    /** Consumer lag and dead-letter depth of this service's groups, as gauges (see {@link KafkaBacklog}). */
    @Bean
    KafkaBacklog kafkaBacklog(ObjectProvider<BindingService> bindings, Environment environment, MeterRegistry meters,
            PlatformProperties properties) {
        return new KafkaBacklog(bindings, environment, ConsumerReadiness.adminSettings(environment), meters,
                properties.metrics().kafkaBacklogInterval(), properties.metrics().kafkaBacklogTimeout());
    }

    @Bean("mongoPing")
    MongoPingHealthIndicator mongoPingHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(PlatformProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.web().maxBodySize().toBytes(), properties.web().maxBodySizeByPath()
                        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                                size -> size.getValue().toBytes(), (a, b) -> a, LinkedHashMap::new))));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Only the trusted issuers' tokens, each for the hospitals its issuer is bound to (README: trusted issuers). */
    @Bean
    JwtDecoder jwtDecoder(PlatformProperties properties) {
        PlatformProperties.Security security = properties.security();
        return new TrustedIssuers(security.trustedIssuers(), security.audience());
    }

    /**
     * Pages load their own scripts, styles and images only; nothing inline, nothing framed, no plugins. They fetch
     * from their own origin and from the configured ones ({@code peersupport.web.connect-sources}: the console's
     * pages call the services and the issuer's token endpoint).
     */
    static String contentSecurityPolicy(List<String> connectSources) {
        String connect = String.join(" ", Stream.concat(Stream.of("'self'"),
                connectSources.stream().map(String::trim).filter(source -> source.matches("https?://[^\\s;,']+")))
                .toList());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src " + connect
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /**
     * The console's pages call every service from the browser with a bearer token: their origins may, with the
     * Authorization header and no cookies. Preflights are answered before authentication, so they need no token.
     */
    static CorsConfigurationSource corsSource(List<String> allowedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.copyOf(allowedOrigins));
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                "Idempotency-Key", Correlation.HTTP_HEADER));
        cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, Correlation.HTTP_HEADER));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain securityFilterChain(HttpSecurity http, PlatformProperties properties) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        String[] open = properties.security().publicPaths().toArray(String[]::new);
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(corsSource(properties.web().allowedOrigins())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    // Served on the management port only (management.server.port); the public port has no such paths.
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus", "/error").permitAll();
                    // The OpenAPI document (ApiDocsAutoConfiguration): what integrators read before they hold a token.
                    requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll();
                    if (open.length > 0) {
                        requests.requestMatchers(open).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(PlatformAutoConfiguration::authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                contentSecurityPolicy(properties.web().connectSources())))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    private static JwtAuthenticationToken authentication(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return new JwtAuthenticationToken(jwt,
                caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
                jwt.getSubject());
    }
}
