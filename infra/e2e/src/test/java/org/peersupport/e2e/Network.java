package org.peersupport.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.peersupport.stack.LocalStack;
import org.peersupport.stack.StackConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole network as separate processes on its own ports and state folder, and how a person talks to it. */
final class Network {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<String, Integer> PORTS = Map.ofEntries(
            Map.entry("kafka", 29092), Map.entry("kafka-controller", 29093), Map.entry("mongo", 28017),
            Map.entry("issuer", 29000), Map.entry("console", 28080), Map.entry("intake", 28081),
            Map.entry("matching", 28082), Map.entry("followup", 28083), Map.entry("notification", 28084),
            Map.entry("training", 28085), Map.entry("mail", 28025));

    final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    Network(Path stateDir) {
        Path root = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
        StackConfig config = StackConfig.defaults(root, Map.of())
                .withStateDir(stateDir)
                .withPorts(PORTS)
                // Clocks short enough to watch: first contact due in 5 s, check-ins 3 s and 6 s after it, and a timer
                // leased by a killed instance taken over after 10 s.
                .withExtraEnv("followup", Map.of("FOLLOWUP_CHECK_IN_SCHEDULE", "3s,6s",
                        "FOLLOWUP_FIRST_CONTACT_WITHIN", "5s", "PEERSUPPORT_TIMERS_LEASE", "10s"))
                // Summit keeps nothing once a request ended: its purge runs at once.
                .withExtraEnv("intake", Map.of("PEERSUPPORT_RETENTION_HOSPITALS_SUMMIT", "0s"))
                .withExtraEnv("training", Map.of("PEERSUPPORT_TRAINING_EDUCATIONEVERY", "25s"))
                .withStartTimeout(Duration.ofSeconds(300));
        for (String service : StackConfig.SERVICES) {
            // What an operator switches on to chase a problem; the plain-text search must still find nothing.
            config = config.withExtraEnv(service, Map.of("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_WEB", "DEBUG",
                    "LOGGING_LEVEL_ORG_PEERSUPPORT", "DEBUG"));
        }
        this.stack = new LocalStack(config);
    }

    /** A token from the dev issuer, as {@code ./peer token} gets it. */
    String token(String principal) {
        return tokens.computeIfAbsent(principal, p -> {
            String basic = Base64.getEncoder().encodeToString((p + ":demo").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.url("issuer") + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + p + ": " + response.statusCode());
            }
            return JSON.readTree(response.body()).get("access_token").asString();
        });
    }

    HttpResponse<String> get(String part, String path, String principal) {
        return getAt(stack.url(part), path, principal);
    }

    HttpResponse<String> post(String part, String path, String principal, String body) {
        return postAt(stack.url(part), path, principal, body);
    }

    /** A GET to one instance, by its base URL (a second instance of a service has no part name). */
    HttpResponse<String> getAt(String baseUrl, String path, String principal) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(principal)).GET().build());
    }

    /** A POST to one instance, by its base URL. */
    HttpResponse<String> postAt(String baseUrl, String path, String principal, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(principal)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The emails the local SMTP server caught, newest first (its JSON view). */
    List<JsonNode> mails() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.url("mail") + "/api/messages"))
                .GET().build());
        return JSON.readTree(response.body()).valueStream().toList();
    }

    /** A GET of a full URL without a token, as a mail client opens a link. */
    HttpResponse<String> getAnonymously(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** A form's POST to a full URL without a token, as a confirmation page's button sends it. */
    HttpResponse<String> postAnonymouslyTo(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A POST without a token, as a public path (the feedback link) is called. */
    HttpResponse<String> postAnonymously(String part, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(stack.url(part) + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * The supporter's open offers as the matching instance at {@code matchingUrl} lists them; none while it does not
     * answer (killed, or its store away), so a caller polling for offers just polls again.
     */
    JsonNode offers(String matchingUrl, String supporter) {
        try {
            HttpResponse<String> response = getAt(matchingUrl, "/api/offers", supporter);
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createArrayNode();
        } catch (UncheckedIOException notAnswering) {
            return JSON.createArrayNode();
        }
    }

    /** The supporter answers an offer ({@code accept} or {@code decline}) through the given matching instance. */
    HttpResponse<String> answerOffer(String matchingUrl, String supporter, String requestId, String answer) {
        return postAt(matchingUrl, "/api/offers/" + requestId + "/" + answer, supporter, "");
    }

    /**
     * Records a request for support, as the hospital's coordinator taking a call, for a caller reached by this contact;
     * returns its reference. Each test contact is a new person: a staff member holds one open request at a time and
     * submits only a few an hour, so the many requests these tests make come through the coordinator's door.
     */
    String submit(String hospital, String coordinator, Contact contact) {
        HttpResponse<String> response = trySubmit(hospital, coordinator, contact);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("submission answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("reference").asString();
    }

    /** Records a request for support as the hospital's coordinator, whatever the answer. */
    HttpResponse<String> trySubmit(String hospital, String coordinator, Contact contact) {
        String body = """
                {"channel":"PHONE","request":{"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"%s","phone":"%s","email":"%s"}}}""".formatted(contact.name(), contact.phone(),
                contact.email());
        return post("intake", "/api/hospitals/" + hospital + "/requests/on-behalf", coordinator, body);
    }

    /** Produces one raw record, as any client that can reach the broker could. */
    void produce(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.url("kafka"));
        props.put(org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
        props.put(org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(props)) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<>(topic,
                    key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("produce failed", e);
        }
    }

    /** The demo supporters of a hospital, as training certifies them and the dev issuer knows them. */
    static List<String> demoSupporters(String hospital) {
        return List.of(hospital + "-supporter-1", hospital + "-supporter-2", hospital + "-supporter-3");
    }

    /**
     * Waits until matching's pool of each hospital holds its three demo supporters. Training certifies them as it
     * starts, and matching's readiness covers only what training had published when matching became ready: a request
     * sent before they arrive escalates and waits for them, which is right, but not what a test of offers means.
     */
    void awaitDemoRosters(List<String> hospitals) {
        for (String hospital : hospitals) {
            List<String> supporters = demoSupporters(hospital);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .alias("matching's pool of " + hospital + " holding " + supporters).until(() -> {
                        HttpResponse<String> pool = get("matching", "/api/hospitals/" + hospital + "/pool",
                                hospital + "-coordinator");
                        return pool.statusCode() == 200 && supporters.stream().allMatch(pool.body()::contains);
                    });
        }
    }

    String status(String hospital, String coordinator, String reference) {
        HttpResponse<String> response = get("intake", "/api/hospitals/" + hospital + "/requests/" + reference,
                coordinator);
        return response.statusCode() == 200 ? JSON.readTree(response.body()).get("status").asString()
                : "HTTP " + response.statusCode();
    }

    JsonNode inbox(String supporter) {
        HttpResponse<String> response = get("notification", "/api/notifications", supporter);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createArrayNode();
    }

    /** Every record on the given topics from the beginning, read with a fresh consumer group. */
    List<ConsumerRecord<byte[], byte[]>> records(List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.url("kafka"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && (all.isEmpty() || emptyPolls < 3)) {
                var batch = consumer.poll(Duration.ofMillis(1000));
                batch.forEach(all::add);
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
            }
        }
        return all;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    String log(String part) {
        try {
            return Files.readString(stack.logFile(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Contact details that are unique to one test, so finding them anywhere is a leak. */
    record Contact(String name, String phone, String email) {

        static Contact unique() {
            String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            int digits = Math.abs(tag.hashCode() % 9000) + 1000;
            return new Contact("Quinn Leakcheck " + tag, "+1 603 777 " + digits, "quinn." + tag + "@example.org");
        }

        List<String> values() {
            return List.of(name, phone, email);
        }
    }
}
