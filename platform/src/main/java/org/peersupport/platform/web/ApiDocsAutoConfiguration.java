package org.peersupport.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.platform.PlatformAutoConfiguration;
import org.peersupport.platform.PlatformProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.AntPathMatcher;

/**
 * The OpenAPI document every service serves at {@code /v3/api-docs} (springdoc), written once here: the service's
 * title and description ({@code peersupport.api.description}), the bearer token every path needs unless it is one
 * of {@code peersupport.security.public-paths}, and the RFC 9457 problem details {@link ProblemDetailsAdvice} answers
 * with. The document is checked in under {@code docs/api/openapi/} and a test per service keeps the two equal.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnClass(OpenAPI.class)
public class ApiDocsAutoConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI serviceOpenApi(PlatformProperties properties, Environment environment) {
        String service = properties.serviceName();
        return new OpenAPI()
                .info(new Info()
                        .title("Peer Support Network: " + service)
                        .version("v1")
                        .description(environment.getProperty("peersupport.api.description",
                                "The " + service + " service of the peer support network.")))
                // A fixed relative server: the document is the same on every host and port, so it can be checked in.
                .servers(List.of(new Server().url("/").description("the host and port the service answers on")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("An access token of the network's OAuth2 issuer with aud "
                                        + "peer-support-network and the claims sub, exp, hospital and roles "
                                        + "(staff, supporter, coordinator, admin, hospital-system)."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Public paths need no token; every operation lists the problem details it may answer with. */
    @Bean
    OpenApiCustomizer problemResponses(PlatformProperties properties) {
        List<String> publicPaths = properties.security().publicPaths();
        AntPathMatcher matcher = new AntPathMatcher();
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                boolean open = publicPaths.stream().anyMatch(pattern -> matcher.match(pattern, path));
                item.readOperationsMap().forEach((method, operation) -> describe(operation, method, open));
            });
        };
    }

    private static void describe(Operation operation, PathItem.HttpMethod method, boolean open) {
        if (open) {
            operation.setSecurity(List.of());
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        add(responses, "400", "Bad input: the detail and errors name the field, never echo its value.");
        if (!open) {
            add(responses, "401", "No token, or one that is expired, forged or minted for another API.");
            add(responses, "403", "The caller's role or hospital may not do this.");
        }
        add(responses, "404", "Not found, or not the caller's to see.");
        if (method != PathItem.HttpMethod.GET) {
            add(responses, "409", "A rule of the domain forbids it now (reason), or a concurrent change won.");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is larger than the service takes (16 KB unless configured).");
            add(responses, "415", "The body's content type is not one this operation reads.");
        }
        add(responses, "503", "The store is away for a moment; try again after Retry-After.");
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    /** What {@link ProblemDetailsAdvice} writes: RFC 9457 members, and the fields at fault in {@code errors}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.description("One field at fault: its name and what is wrong with it.");
        Map<String, Schema> fields = new LinkedHashMap<>();
        fields.put("field", new StringSchema().description("the field, path variable, parameter or header"));
        fields.put("reason", new StringSchema().description("what is wrong, never the value sent"));
        error.setProperties(fields);
        Schema problem = new ObjectSchema().description("RFC 9457 problem details.");
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("a URI naming the kind of problem"));
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema().description("what is wrong, naming the field"));
        properties.put("instance", new StringSchema());
        properties.put("reason", new StringSchema().description("on a 409: the stable code of the rule broken"));
        properties.put("errors", new ArraySchema().items(error));
        problem.setProperties(properties);
        return problem;
    }
}
