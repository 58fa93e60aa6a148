package org.peersupport.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document a service serves at {@code /v3/api-docs}, and the checked-in copy under
 * {@code docs/api/openapi/<service>.json} that integrators read: a service test keeps the two equal.
 */
public final class ApiDocuments {

    /** {@code -Dpeersupport.api-docs.write=true} writes the served document over the checked-in one. */
    public static final String WRITE = "peersupport.api-docs.write";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ApiDocuments() {
    }

    /** The served document, fetched without a token (it is public), with its members in key order. */
    public static JsonNode served(int port) {
        Api api = Api.local(port);
        // springdoc builds the document on its first request: seconds on a busy 2-core machine.
        Api.Response response = api.send(api.request("/v3/api-docs", null).timeout(Duration.ofSeconds(120)).GET()
                .build());
        assertThat(response.status()).as("GET /v3/api-docs without a token").isEqualTo(200);
        return sorted(response.json());
    }

    /** Fails unless the served document equals the checked-in one, saying the one command that regenerates it. */
    public static void assertServedIsCheckedIn(int port, String service) {
        Path file = checkedIn(service);
        String served = JSON.writeValueAsString(served(port)) + "\n";
        if (Boolean.getBoolean(WRITE)) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, served);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String regenerate = "./mvnw -o -pl " + service + "-service -am test -Dtest=ApiDocumentTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true";
        assertThat(Files.exists(file)).as("%s is missing; write it with: %s", repositoryRoot().relativize(file),
                regenerate).isTrue();
        try {
            assertThat(served).as("the served OpenAPI document differs from %s; if the change is meant, "
                    + "regenerate it with: %s", repositoryRoot().relativize(file), regenerate)
                    .isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path checkedIn(String service) {
        return repositoryRoot().resolve("docs/api/openapi/" + service + ".json");
    }

    /** The checkout holding the module under test: tests run in the module's directory. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    /** Members in key order at every depth, so the checked-in file changes only where the document does. */
    static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            Collections.sort(names);
            ObjectNode copy = JSON.createObjectNode();
            names.forEach(name -> copy.set(name, sorted(object.get(name))));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
