package org.peersupport.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.peersupport.events.EventType;
import org.peersupport.events.Topics;
import org.peersupport.platform.messaging.EventDispatcher;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Bad input against every endpoint a service documents (read from its served OpenAPI document, so a new endpoint is
 * covered without a line here) and every topic it consumes (read from its Cloud Stream bindings). Every HTTP answer
 * must be a 4xx problem detail, every bad record must end on the binding's dead-letter topic (a record of a type no
 * consumer knows may instead be passed over, as the design says), nothing new may be stored and the service must be
 * ready afterwards. A service test runs it: {@code BadInputCorpus.of(context).ignoring("contact_reads").run()}.
 */
public final class BadInputCorpus {

    /** The hospital of the corpus's caller; every path naming another one is a forged hospital. */
    public static final String HOSPITAL = "lakeside";
    static final String OTHER_HOSPITAL = "riverside";

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final String INJECTION = "%27%20OR%20%271%27%3D%271"; // ' OR '1'='1
    private static final String OPERATOR = "%7B%22%24ne%22%3Anull%7D"; // {"$ne":null}
    private static final String LONG = "x".repeat(300);
    private static final int OVERSIZED = 512 * 1024;

    private final ApplicationContext context;
    private final Environment environment;
    private final String service;
    /** The timer store's collections of pending timers and their slots (platform's {@code TimerStore}). */
    private static final Set<String> TIMERS = Set.of("timers", "timer_slots");

    private final Set<String> ignored = new TreeSet<>();
    private final Map<String, String> queries = new LinkedHashMap<>();

    private BadInputCorpus(ApplicationContext context) {
        this.context = context;
        this.environment = context.getEnvironment();
        this.service = environment.getProperty("peersupport.service-name", "service");
    }

    public static BadInputCorpus of(ApplicationContext context) {
        return new BadInputCorpus(context);
    }

    /** Collections a rejected call may rightly write to (an audit of the attempt), left out of "nothing stored". */
    public BadInputCorpus ignoring(String... collections) {
        ignored.addAll(Arrays.asList(collections));
        return this;
    }

    /**
     * An endpoint that is a query over ids rather than a resource (an audit by request id): a well-formed id nothing
     * is known about answers 200, by design. Its other bad input must still be refused.
     */
    public BadInputCorpus query(String method, String pathTemplate, String why) {
        queries.put(method + " " + pathTemplate, why);
        return this;
    }

    /** What the corpus did and what it found; {@link #assertClean()} fails on any finding. */
    public record Result(String service, int httpCases, int topicCases, int clientErrors, int emptyQueries,
            int deadLettered, int skipped, int stored, int serverErrors, List<String> findings) {

        public String summary() {
            return "corpus[" + service + "]: " + httpCases + " http cases, " + topicCases + " topic cases, "
                    + clientErrors + " 4xx" + (emptyQueries > 0 ? " (+" + emptyQueries + " 200s of id queries)"
                    : "") + ", " + deadLettered + " dead-lettered, " + skipped + " passed over (unknown type), "
                    + stored + " stored, " + serverErrors + " 5xx";
        }

        public Result assertClean() {
            assertThat(findings).as(summary()).isEmpty();
            assertThat(serverErrors).isZero();
            assertThat(stored).isZero();
            assertThat(clientErrors + emptyQueries).isEqualTo(httpCases);
            assertThat(deadLettered + skipped).isEqualTo(topicCases);
            return this;
        }
    }

    /** Runs the whole corpus and prints its counts. */
    public Result run() {
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        int managementPort = environment.getProperty("local.management.port", Integer.class, port);
        Map<String, Long> before = stableCounts(mongo);
        List<String> findings = new ArrayList<>();

        List<HttpCase> httpCases = httpCases(ApiDocuments.served(port));
        Api api = Api.local(port);
        int clientErrors = 0;
        int emptyQueries = 0;
        int serverErrors = 0;
        for (HttpCase c : httpCases) {
            Api.Response response = api.send(c.request(api));
            if (response.status() == 200 && c.label().startsWith("bad ")
                    && queries.containsKey(c.method() + " " + c.template())) {
                emptyQueries++;
            } else if (response.status() >= 500) {
                serverErrors++;
                findings.add(c + " -> " + response.status());
            } else if (response.status() < 400) {
                findings.add(c + " -> " + response.status() + " (bad input accepted)");
            } else if (c.page() ? !response.contentType().startsWith("text/html") : !response.isProblem()) {
                findings.add(c + " -> " + response.status() + " " + response.contentType() + " (not a problem detail)");
            } else {
                clientErrors++;
            }
        }

        List<TopicCase> topicCases = new ArrayList<>();
        Map<String, EventProbe> deadLetters = new LinkedHashMap<>();
        try {
            for (Binding binding : bindings()) {
                deadLetters.computeIfAbsent(binding.deadLetterTopic(), topic -> new EventProbe(
                        SharedInfrastructure.get().kafkaBootstrap(), topic));
                for (String topic : binding.topics()) {
                    topicCases.addAll(topicCases(binding, topic));
                }
            }
            EventProbe producer = EventProbe.shared();
            topicCases.forEach(c -> producer.publishRaw(c.topic(), c.key(), c.value(), c.headers()));
            List<TopicCase> mustArrive = topicCases.stream().filter(c -> !c.mayBePassedOver()).toList();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> mustArrive.stream().allMatch(c -> deadLettered(deadLetters, c)));
            } catch (org.awaitility.core.ConditionTimeoutException timeout) {
                mustArrive.stream().filter(c -> !deadLettered(deadLetters, c))
                        .forEach(c -> findings.add(c + " -> not dead-lettered"));
            }
        } finally {
            deadLetters.values().forEach(EventProbe::close);
        }
        int deadLettered = (int) topicCases.stream().filter(c -> deadLettered(deadLetters, c)).count();
        int skipped = (int) topicCases.stream()
                .filter(c -> c.mayBePassedOver() && !deadLettered(deadLetters, c)).count();

        // Nothing new, and nothing arriving late: the counts hold still for a while.
        int stored = 0;
        try {
            await().atMost(Duration.ofSeconds(5)).during(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(100))
                    .until(() -> counts(mongo).equals(before));
        } catch (org.awaitility.core.ConditionTimeoutException changed) {
            Map<String, Long> after = counts(mongo);
            for (String collection : new TreeSet<>(after.keySet())) {
                long more = after.get(collection) - before.getOrDefault(collection, 0L);
                // A timer (and its slot, once empty) is removed when it fires: an earlier test's falling due
                // meanwhile leaves fewer, which is nothing the corpus did. More timers, or fewer of anything
                // else, is.
                if (more > 0 || more < 0 && !TIMERS.contains(collection)) {
                    stored += (int) Math.max(more, 0);
                    findings.add("collection " + collection + ": " + more + " documents more after the corpus");
                }
            }
        }
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(
                    () -> Api.local(managementPort).get("/actuator/health/readiness", null).status() == 200);
        } catch (org.awaitility.core.ConditionTimeoutException unhealthy) {
            findings.add("not ready after the corpus");
        }
        Result result = new Result(service, httpCases.size(), topicCases.size(), clientErrors, emptyQueries,
                deadLettered, skipped, stored, serverErrors, findings);
        System.out.println(result.summary());
        findings.forEach(finding -> System.out.println("  " + finding));
        return result;
    }

    // --- HTTP ---------------------------------------------------------------------------------------------------

    /** One bad request: what it is, for the report, and how to send it. */
    record HttpCase(String template, String label, String method, String path, String token, String contentType,
            byte[] body, Map<String, String> headers, boolean page) {

        HttpRequest request(Api api) {
            HttpRequest.Builder builder = api.request(path, token);
            headers.forEach(builder::header);
            if (body == null) {
                return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
            }
            return builder.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
        }

        @Override
        public String toString() {
            String shown = path.length() > 120 ? path.substring(0, 120) + "…" : path;
            return method + " " + shown + " [" + label + "]";
        }
    }

    List<HttpCase> httpCases(JsonNode document) {
        String token = TestTokens.token("corpus-" + service, HOSPITAL, "staff", "supporter", "coordinator", "admin",
                "hospital-system");
        // One forged token for the run: making its key pair costs seconds on a busy machine.
        String forged = TestTokens.forgedToken("corpus-" + service, HOSPITAL, "admin", "coordinator");
        List<HttpCase> cases = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    cases.addAll(endpointCases(document, path.getKey(), method.toUpperCase(), operation, token,
                            forged));
                }
            }
        }
        return cases;
    }

    private List<HttpCase> endpointCases(JsonNode document, String template, String method, JsonNode operation,
            String token, String forged) {
        List<HttpCase> cases = new ArrayList<>();
        Map<String, String> good = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<JsonNode> queries = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(document, parameter);
            String name = resolved.path("name").asString();
            switch (resolved.path("in").asString()) {
                case "path" -> good.put(name, isHospital(name) ? HOSPITAL : UUID.randomUUID().toString());
                case "header" -> {
                    if (resolved.path("required").asBoolean()) {
                        headers.put(name, UUID.randomUUID().toString());
                    }
                }
                case "query" -> queries.add(resolved);
                default -> {
                }
            }
        }
        JsonNode requestBody = resolve(document, operation.path("requestBody"));
        String contentType = requestBody.path("content").propertyNames().stream().findFirst()
                .orElse("application/json");
        byte[] empty = requestBody.isMissingNode() ? null : bytes("{}");
        String basePath = expand(template, good);

        boolean open = operation.has("security") && operation.get("security").isEmpty();
        // A page for a person (an emailed link) answers errors with a page: 4xx text/html, not a problem detail.
        boolean page = operation.path("responses").path("200").path("content").propertyNames().stream()
                .anyMatch("text/html"::equals) && !operation.path("responses").path("200").path("content")
                .propertyNames().stream().anyMatch(type -> type.contains("json"));
        if (!open) {
            cases.add(new HttpCase(template, "no token", method, basePath, null, contentType, empty, headers, page));
            cases.add(new HttpCase(template, "forged token", method, basePath, forged, contentType, empty,
                    headers, page));
        }
        for (String name : good.keySet()) {
            List<String> bad = isHospital(name)
                    ? List.of(OTHER_HOSPITAL, HOSPITAL + INJECTION, OPERATOR, LONG)
                    : List.of("not-a-valid-id", INJECTION, OPERATOR, "9".repeat(40), LONG);
            for (String value : bad) {
                Map<String, String> values = new LinkedHashMap<>(good);
                values.put(name, value);
                String label = (isHospital(name) && value.equals(OTHER_HOSPITAL) ? "forged hospital" : "bad " + name);
                cases.add(new HttpCase(template, label, method, expand(template, values), token, contentType, empty,
                        headers, page));
            }
        }
        for (JsonNode query : queries) {
            JsonNode schema = resolve(document, query.path("schema"));
            for (String value : badQueryValues(schema)) {
                cases.add(new HttpCase(template, "bad query " + query.path("name").asString(), method,
                        basePath + "?" + query.path("name").asString() + "=" + value, token, contentType, empty,
                        headers, page));
            }
        }
        if (!requestBody.isMissingNode()) {
            JsonNode schema = resolve(document, requestBody.path("content").path(contentType).path("schema"));
            for (Map.Entry<String, String> body : badBodies(document, schema,
                    requestBody.path("required").asBoolean()).entrySet()) {
                cases.add(new HttpCase(template, body.getKey(), method, basePath, token, contentType, bytes(body.getValue()),
                        headers, page));
            }
            cases.add(new HttpCase(template, "oversized body", method, basePath, token, contentType,
                    bytes("{\"x\":\"" + "a".repeat(OVERSIZED) + "\"}"), headers, page));
            cases.add(new HttpCase(template, "wrong content type", method, basePath, token, "text/plain", bytes("{}"),
                    headers, page));
            cases.add(new HttpCase(template, "xml body", method, basePath, token, "application/xml", bytes("<a>1</a>"),
                    headers, page));
        }
        return cases;
    }

    /** Bodies that are bad whatever the endpoint: malformed, of the wrong shape, or with one field wrong. */
    private Map<String, String> badBodies(JsonNode document, JsonNode schema, boolean required) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"a\": ");
        bodies.put("truncated JSON", "{\"a\": \"b\"");
        bodies.put("not JSON", "hello");
        if (required) {
            bodies.put("null body", "null");
            bodies.put("empty body", "");
        }
        bodies.put("wrong shape", "array".equals(schema.path("type").asString()) ? "{}" : "[]");
        bodies.put("a number for the body", "12345678901234567890123456789");
        List<String> requiredFields = new ArrayList<>();
        schema.path("required").forEach(field -> requiredFields.add(field.asString()));
        if (!requiredFields.isEmpty()) {
            bodies.put("missing required fields", "{}");
            bodies.put("required fields null", requiredFields.stream().map(field -> quote(field) + ":null")
                    .collect(Collectors.joining(",", "{", "}")));
            bodies.put("operator keys only", "{\"$where\":\"sleep(1000)\",\"__proto__\":{\"admin\":true}}");
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode type = resolve(document, property.getValue());
            for (Map.Entry<String, String> wrong : wrongValues(type).entrySet()) {
                bodies.put(wrong.getKey() + " " + property.getKey(),
                        "{" + quote(property.getKey()) + ":" + wrong.getValue() + "}");
            }
        }
        return bodies;
    }

    /** Values no field of this schema takes, not even by Jackson's coercion (a number for a string is read). */
    private static Map<String, String> wrongValues(JsonNode schema) {
        Map<String, String> wrong = new LinkedHashMap<>();
        if (schema.has("enum")) {
            wrong.put("unknown enum value", "\"NOT_A_VALUE' OR 1=1\"");
            wrong.put("enum ordinal", "1");
            return wrong;
        }
        switch (schema.path("type").asString("")) {
            case "string" -> {
                wrong.put("operator object for", "{\"$gt\":\"\"}");
                wrong.put("array for", "[\"a\",\"b\"]");
                String format = schema.path("format").asString("");
                if (format.startsWith("date") || format.equals("uuid")) {
                    wrong.put("bad " + format + " for", "\"not-a-" + format + "\"");
                }
            }
            case "integer" -> {
                wrong.put("huge number for", "123456789012345678901234567890");
                wrong.put("text for", "\"many\"");
                wrong.put("fraction for", "1.5");
            }
            case "number" -> wrong.put("text for", "\"many\"");
            case "boolean" -> wrong.put("text for", "\"maybe\"");
            case "array" -> wrong.put("object for", "{\"a\":1}");
            case "object" -> wrong.put("number for", "42");
            default -> {
            }
        }
        return wrong;
    }

    private static List<String> badQueryValues(JsonNode schema) {
        if (schema.has("enum")) {
            return List.of("NOT_A_VALUE");
        }
        String format = schema.path("format").asString("");
        return switch (schema.path("type").asString("")) {
            case "integer" -> List.of("many", "123456789012345678901234567890");
            case "number" -> List.of("many");
            case "boolean" -> List.of("maybe");
            case "string" -> format.startsWith("date") || format.equals("uuid") ? List.of("not-a-" + format)
                    : List.of();
            default -> List.of();
        };
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            current = document.at(current.get("$ref").asString().substring(1));
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(document, current.get("allOf").get(0));
        }
        return current;
    }

    private static boolean isHospital(String name) {
        return name.equals("hospitalId") || name.equals("hospital");
    }

    private static String expand(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // --- topics -------------------------------------------------------------------------------------------------

    /** One consumer binding: its topics and where it dead-letters. */
    record Binding(String name, List<String> topics, String group, String deadLetterTopic) {
    }

    /** One bad record; a record of a type no consumer knows may be passed over instead of dead-lettered. */
    record TopicCase(String label, String topic, String key, byte[] value, Map<String, String> headers,
            boolean mayBePassedOver) {

        String id() {
            return headers.get("ce_id");
        }

        @Override
        public String toString() {
            return topic + " [" + label + "]";
        }
    }

    List<Binding> bindings() {
        List<Binding> bindings = new ArrayList<>();
        for (String function : environment.getProperty("spring.cloud.function.definition", "").split("[;,|]")) {
            String name = function.trim() + "-in-0";
            String destination = environment.getProperty("spring.cloud.stream.bindings." + name + ".destination");
            if (function.isBlank() || destination == null) {
                continue;
            }
            String group = environment.getRequiredProperty("spring.cloud.stream.bindings." + name + ".group");
            String deadLetters = environment.getProperty(
                    "spring.cloud.stream.kafka.bindings." + name + ".consumer.dlq-name", Topics.deadLetter(group));
            bindings.add(new Binding(name, Arrays.stream(destination.split(",")).map(String::trim).toList(), group,
                    deadLetters));
        }
        return bindings;
    }

    private List<TopicCase> topicCases(Binding binding, String topic) {
        String type;
        String source;
        if (Topics.ALL.contains(topic)) {
            Set<EventType> handled = context.getBean(EventDispatcher.class).handledTypes();
            EventType event = handled.stream().filter(t -> t.topic().equals(topic))
                    .min((a, b) -> a.wireType().compareTo(b.wireType())).orElse(null);
            if (event == null) {
                return List.of();
            }
            type = event.wireType();
            source = event.source();
        } else {
            // A topic outside the network's own (hospital systems' triggers): its one type, from an unknown system.
            type = Topics.TRIGGER_REPORTED;
            source = "/hospitals/" + HOSPITAL + "/corpus-system";
        }
        // One key: one partition, so the records are read in the order sent, the passed-over ones first.
        String key = "corpus-" + UUID.randomUUID();
        List<TopicCase> cases = new ArrayList<>();
        cases.add(record("unknown type", topic, key, "{}", headers(key, "peersupport.corpus.unknown.v1", source),
                true));
        cases.add(record("bad bytes", topic, key, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0, 1, 2},
                headers(key, type, source)));
        cases.add(record("malformed JSON", topic, key, "{\"eventId\": \"", headers(key, type, source), false));
        cases.add(record("null payload", topic, key, "null", headers(key, type, source), false));
        cases.add(record("JSON array payload", topic, key, "[1,2,3]", headers(key, type, source), false));
        Map<String, String> noType = headers(key, type, source);
        noType.remove("ce_type");
        cases.add(record("no ce_type", topic, key, "{}", noType, false));
        cases.add(record("another ce_source", topic, key, validLooking(HOSPITAL),
                headers(key, type, "/peersupport/corpus"), false));
        Map<String, String> noSource = headers(key, type, source);
        noSource.remove("ce_source");
        cases.add(record("no ce_source", topic, key, validLooking(HOSPITAL), noSource, false));
        cases.add(record("wrong field types", topic, key,
                "{\"eventId\":42,\"occurredAt\":\"yesterday\",\"hospitalId\":[\"lakeside\"]}",
                headers(key, type, source), false));
        cases.add(record("forged hospital id", topic, key, validLooking("../" + OTHER_HOSPITAL),
                headers(key, type, source), false));
        cases.add(record("operator hospital id", topic, key, "{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"occurredAt\":\"" + Instant.now() + "\",\"hospitalId\":{\"$ne\":null}}",
                headers(key, type, source), false));
        cases.add(record("only envelope fields", topic, key, validLooking(HOSPITAL), headers(key, type, source),
                false));
        return cases;
    }

    private static String validLooking(String hospital) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now() + "\",\"hospitalId\":"
                + quote(hospital) + "}";
    }

    private static TopicCase record(String label, String topic, String key, String value,
            Map<String, String> headers, boolean mayBePassedOver) {
        return new TopicCase(label, topic, key, bytes(value), headers, mayBePassedOver);
    }

    private static TopicCase record(String label, String topic, String key, byte[] value,
            Map<String, String> headers) {
        return new TopicCase(label, topic, key, value, headers, false);
    }

    private static Map<String, String> headers(String key, String type, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", "corpus-" + UUID.randomUUID());
        headers.put("ce_type", type);
        headers.put("ce_source", source);
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_subject", key);
        headers.put("content-type", "application/json");
        return headers;
    }

    private static boolean deadLettered(Map<String, EventProbe> probes, TopicCase c) {
        for (EventProbe probe : probes.values()) {
            for (ConsumerRecord<byte[], byte[]> record : probe.records()) {
                if (c.id().equals(EventProbe.header(record, "ce_id"))) {
                    return true;
                }
            }
        }
        return false;
    }

    // --- the store ----------------------------------------------------------------------------------------------

    private Map<String, Long> counts(MongoTemplate mongo) {
        Map<String, Long> counts = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (!ignored.contains(collection)) {
                counts.put(collection, mongo.getCollection(collection).countDocuments());
            }
        }
        return counts;
    }

    /** The counts once earlier tests' work has settled (they share this context and its database). */
    @SuppressWarnings("unchecked")
    private Map<String, Long> stableCounts(MongoTemplate mongo) {
        Map<String, Long>[] last = new Map[] {counts(mongo)};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Map<String, Long> now = counts(mongo);
            boolean same = now.equals(last[0]);
            last[0] = now;
            return same;
        });
        return last[0];
    }
}
