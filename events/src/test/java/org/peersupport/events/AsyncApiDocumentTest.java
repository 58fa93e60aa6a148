package org.peersupport.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code docs/api/asyncapi.json}, the AsyncAPI 3.0 document of every topic, event type and header, is what this
 * module says it is: built here from {@link Topics}, {@link EventType} and the JSON Schemas, valid against the official
 * AsyncAPI 3.0.0 schema, and each message's payload schema takes the record it names.
 * {@code -Dpeersupport.api-docs.write=true} writes the document anew.
 */
class AsyncApiDocumentTest {

    static final String WRITE = "peersupport.api-docs.write";
    static final String REGENERATE = "./mvnw -o -pl events test -Dtest=AsyncApiDocumentTest -D" + WRITE + "=true";
    static final String PAYLOAD_FORMAT = "application/schema+json;version=draft-2020-12";

    /** The consumer groups, each with its dead-letter topic peersupport.dlq.<group> (the services' bindings). */
    static final List<String> GROUPS = List.of("intake", "intake-triggers", "matching", "followup", "notification",
            "console");

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final SchemaRegistry DRAFT_7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final SchemaRegistry DRAFT_2020 =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void theCheckedInDocumentIsTheOneBuiltFromTheEvents() throws IOException {
        Path file = repositoryRoot().resolve("docs/api/asyncapi.json");
        String built = JSON.writeValueAsString(document()) + "\n";
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, built);
        }
        assertThat(file).as("docs/api/asyncapi.json is missing; write it with: %s", REGENERATE).exists();
        assertThat(Files.readString(file)).as("docs/api/asyncapi.json differs from the events; if the change is "
                + "meant, regenerate it with: %s", REGENERATE).isEqualTo(built);
    }

    @Test
    void theDocumentIsValidAsyncApi3() throws IOException {
        Schema asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            asyncApi = DRAFT_7.getSchema(in);
        }
        assertThat(asyncApi.validate(checkedIn())).isEmpty();

        ObjectNode broken = (ObjectNode) checkedIn().deepCopy();
        ((ObjectNode) broken.get("channels").get("intake")).put("address", 42);
        assertThat(asyncApi.validate(broken)).as("the validator sees a broken document").isNotEmpty();
    }

    @Test
    void theDocumentNamesEveryTopicAndEveryEventTypeOnItsTopic() throws IOException {
        JsonNode document = checkedIn();
        Set<String> addresses = new TreeSet<>();
        document.get("channels").forEach(channel -> addresses.add(channel.get("address").asString()));
        List<String> expected = new ArrayList<>(Topics.ALL);
        expected.add(Topics.TRIGGERS);
        expected.add(Topics.deadLetter("{group}"));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);

        for (EventType type : EventType.values()) {
            String name = type.javaType().getSimpleName();
            JsonNode message = document.at("/components/messages/" + name);
            assertThat(message.isMissingNode()).as("message %s", name).isFalse();
            assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asString()).isEqualTo(type.wireType());
            assertThat(message.at("/headers/allOf/1/properties/ce_source/const").asString()).isEqualTo(type.source());
            JsonNode channel = channelOf(document, type.topic());
            assertThat(channel.at("/messages/" + name + "/$ref").asString())
                    .isEqualTo("#/components/messages/" + name);
        }
        assertThat(document.at("/components/messages/TriggerReported/headers/allOf/1/properties/ce_type/const")
                .asString()).isEqualTo(Topics.TRIGGER_REPORTED);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachMessagePayloadTakesItsRecordAndRefusesOneWithoutAHospital(EventType type) throws Exception {
        JsonNode payload = checkedIn().at("/components/messages/" + type.javaType().getSimpleName() + "/payload");
        assertThat(payload.get("schemaFormat").asString()).isEqualTo(PAYLOAD_FORMAT);
        Schema schema = DRAFT_2020.getSchema(payload.get("schema"));

        ObjectNode sample = (ObjectNode) JSON.valueToTree(EventSchemasTest.sampleOf(type.javaType()));
        assertThat(schema.validate(sample)).isEmpty();
        sample.remove("hospitalId");
        assertThat(schema.validate(sample)).isNotEmpty();
    }

    @Test
    void theTriggerExampleIsAValidTriggerAndPatientDataIsNot() throws IOException {
        JsonNode message = checkedIn().at("/components/messages/TriggerReported");
        Schema schema = DRAFT_2020.getSchema(message.at("/payload/schema"));
        JsonNode example = message.at("/examples/0/payload");
        assertThat(example.isObject()).isTrue();
        assertThat(schema.validate(example)).isEmpty();

        ObjectNode withPatient = (ObjectNode) example.deepCopy();
        withPatient.put("patientName", "A Patient");
        assertThat(schema.validate(withPatient)).isNotEmpty();
    }

    // --- the document ----------------------------------------------------------------------------------------------

    static JsonNode checkedIn() throws IOException {
        return JSON.readTree(Files.readString(repositoryRoot().resolve("docs/api/asyncapi.json")));
    }

    private static JsonNode channelOf(JsonNode document, String topic) {
        for (JsonNode channel : document.get("channels")) {
            if (channel.get("address").asString().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    static ObjectNode document() throws IOException {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Peer Support Network: topics and events");
        info.put("version", "v1");
        info.put("description", """
                Every Kafka topic of the network, every event type on it and the CloudEvents 1.0 headers of each \
                record. Records are binary-mode CloudEvents: the attributes are Kafka headers (ce_specversion, ce_id, \
                ce_type, ce_source, ce_time, ce_subject, ce_correlationid, content-type), the value is the event's \
                JSON data and the key is the event's subject (the id of what it is about). Each event topic has one \
                owner, the only service that may write to it; consumers believe a record only on its type's topic, \
                with the owner's ce_source and a safe hospital id, and dead-letter anything else to \
                peersupport.dlq.<group>. A consumer skips a type it does not know, so types are only ever added, and \
                fields are only ever added as optional. Hospital systems write one topic only, peersupport.triggers.v1 \
                (see the operation hospitalSystemReportsTrigger): that is all a trigger producer needs.""");
        doc.put("defaultContentType", "application/json");

        ObjectNode servers = doc.putObject("servers");
        ObjectNode local = servers.putObject("local");
        local.put("host", "127.0.0.1:9092");
        local.put("protocol", "kafka");
        local.put("description", "The broker of ./peer up, PLAINTEXT.");
        ObjectNode production = servers.putObject("production");
        production.put("host", "kafka.peersupport.example:9093");
        production.put("protocol", "kafka-secure");
        production.put("description", "A production broker: SASL_SSL with SCRAM-SHA-512, one principal per service "
                + "and per hospital system; the ACLs (infra/deploy/kafka-acls.sh) let each write only its own topic.");
        production.putArray("security").addObject().put("$ref", "#/components/securitySchemes/scram");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject("scram").put("type", "scramSha512")
                .put("description", "SASL/SCRAM-SHA-512 over TLS, with the credentials issued to the principal.");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventHeaders", cloudEventHeaders());
        ObjectNode messages = components.putObject("messages");

        for (String topic : Topics.ALL) {
            String owner = Topics.owner(topic);
            ObjectNode channel = channels.putObject(owner);
            channel.put("address", topic);
            channel.put("title", owner + "'s events");
            channel.put("description", "Written by " + owner + " only (ce_source " + Topics.source(owner)
                    + "), keyed by each event's subject.");
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject(owner + "Publishes");
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + owner);
            operation.put("summary", owner + " publishes its events here, each in the same write as its state "
                    + "(outbox).");
            ArrayNode operationMessages = operation.putArray("messages");
            for (EventType type : EventType.values()) {
                if (!type.topic().equals(topic)) {
                    continue;
                }
                String name = type.javaType().getSimpleName();
                messages.set(name, message(type));
                channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                operationMessages.addObject().put("$ref", "#/channels/" + owner + "/messages/" + name);
            }
        }

        ObjectNode triggers = channels.putObject("triggers");
        triggers.put("address", Topics.TRIGGERS);
        triggers.put("title", "hospital systems' triggers");
        triggers.put("description", "Adverse-event triggers from hospital systems, read by intake (group "
                + "intake-triggers). Each system writes with its own principal and ce_source, configured for one "
                + "hospital in peersupport.triggers.producers; a record from another source, naming another "
                + "hospital, with bad attributes or with data the gate refuses is dead-lettered, redacted, to "
                + "peersupport.dlq.intake-triggers at once. The same hospitalEventId twice has one effect.");
        triggers.putObject("messages").putObject("TriggerReported").put("$ref", "#/components/messages/TriggerReported");
        messages.set("TriggerReported", triggerMessage());
        ObjectNode report = operations.putObject("hospitalSystemReportsTrigger");
        report.put("action", "send");
        report.putObject("channel").put("$ref", "#/channels/triggers");
        report.put("summary", "A hospital system reports an adverse event naming the staff involved.");
        report.putArray("messages").addObject().put("$ref", "#/channels/triggers/messages/TriggerReported");
        ObjectNode intakeReads = operations.putObject("intakeReadsTriggers");
        intakeReads.put("action", "receive");
        intakeReads.putObject("channel").put("$ref", "#/channels/triggers");
        intakeReads.put("summary", "Intake checks the source, the attributes and the data, then offers support to "
                + "each person named.");

        ObjectNode deadLetters = channels.putObject("deadLetters");
        deadLetters.put("address", Topics.deadLetter("{group}"));
        deadLetters.put("title", "dead letters");
        deadLetters.put("description", "What a consumer group refused or failed on for good: the record as it came "
                + "with the binder's x-exception headers, or, for triggers, a redacted letter with an empty value "
                + "(peersupport_redacted, peersupport_refused_topic/_partition/_offset/_reason). Read by people and "
                + "./peer replay-dlq, never by services.");
        ObjectNode group = deadLetters.putObject("parameters").putObject("group");
        ArrayNode groups = group.putArray("enum");
        GROUPS.forEach(groups::add);
        group.put("description", "the consumer group that refused the record");

        return doc;
    }

    private static ObjectNode cloudEventHeaders() {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("type", "object");
        headers.put("description", "CloudEvents 1.0 attributes in Kafka binary mode, one header each (UTF-8).");
        ArrayNode required = headers.putArray("required");
        List.of("ce_specversion", "ce_id", "ce_type", "ce_source").forEach(required::add);
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("ce_specversion").put("type", "string").put("const", "1.0");
        properties.putObject("ce_id").put("type", "string").put("pattern", "^[A-Za-z0-9._:-]{1,100}$")
                .put("description", "Unique per record: the event's eventId; for a trigger, the cause of its effect.");
        properties.putObject("ce_type").put("type", "string")
                .put("description", "The stable logical type, peersupport.<thing>.<happened>.v<n>; never a class name.");
        properties.putObject("ce_source").put("type", "string")
                .put("description", "Who wrote it: /peersupport/<owner service>, or a hospital system's own source.");
        properties.putObject("ce_time").put("type", "string").put("format", "date-time")
                .put("description", "When it happened (the event's occurredAt).");
        properties.putObject("ce_subject").put("type", "string")
                .put("description", "What it is about: the same as the record's key.");
        properties.putObject("ce_correlationid").put("type", "string")
                .put("description", "Optional: the request or record that caused it, passed on by every service.");
        properties.putObject("content-type").put("type", "string").put("const", "application/json");
        return headers;
    }

    private static ObjectNode message(EventType type) throws IOException {
        JsonNode schema;
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            schema = JSON.readTree(in);
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("name", type.wireType());
        message.put("title", type.javaType().getSimpleName());
        if (schema.has("description")) {
            message.put("summary", schema.get("description").asString());
        }
        message.put("contentType", "application/json");
        message.set("headers", headers(type.wireType(), type.source(), "const"));
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", PAYLOAD_FORMAT);
        payload.set("schema", schema);
        ObjectNode correlation = message.putObject("correlationId");
        correlation.put("description", "passed on from the cause");
        correlation.put("location", "$message.header#/ce_correlationid");
        ObjectNode key = message.putObject("bindings").putObject("kafka");
        key.putObject("key").put("type", "string").put("description", "the subject: " + subjectOf(type));
        key.put("bindingVersion", "0.5.0");
        return message;
    }

    private static ObjectNode headers(String wireType, String source, String sourceKeyword) {
        ObjectNode headers = JSON.createObjectNode();
        ArrayNode allOf = headers.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/CloudEventHeaders");
        ObjectNode own = allOf.addObject();
        own.put("type", "object");
        ObjectNode properties = own.putObject("properties");
        properties.putObject("ce_type").put("const", wireType);
        if (sourceKeyword.equals("const")) {
            properties.putObject("ce_source").put("const", source);
            own.putArray("required").add("ce_time").add("ce_subject").add("content-type");
        } else {
            properties.putObject("ce_source").put("pattern", source)
                    .put("description", "the source configured for the hospital in peersupport.triggers.producers");
        }
        return headers;
    }

    /** The record's subject() component: the first id after eventId, occurredAt and hospitalId. */
    private static String subjectOf(EventType type) {
        return Arrays.stream(type.javaType().getRecordComponents()).map(c -> c.getName())
                .filter(name -> !Set.of("eventId", "occurredAt", "hospitalId").contains(name)).findFirst()
                .orElse("eventId");
    }

    private static ObjectNode triggerMessage() {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", Topics.TRIGGER_REPORTED);
        message.put("title", "TriggerReported");
        message.put("summary", "A hospital system's adverse-event report naming the staff involved, never the patient.");
        message.put("description", """
                Only the fields below pass; a field naming patient data at any depth (patient…, name, mrn, \
                dateOfBirth, dob, ssn, subject, address, diagnosis, in any case or with _ or -), a field name \
                starting with $, any other field, a field given twice or nesting deeper than 32 is refused. At most \
                128 KB and 1000 staff. content-type application/json, or none.""");
        message.put("contentType", "application/json");
        message.set("headers", headers(Topics.TRIGGER_REPORTED, "^/[A-Za-z0-9._/-]{1,200}$", "pattern"));
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", PAYLOAD_FORMAT);
        ObjectNode schema = payload.putObject("schema");
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", Topics.TRIGGER_REPORTED);
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        ArrayNode required = schema.putArray("required");
        List.of("hospitalId", "hospitalEventId", "occurredAt", "involvedStaff").forEach(required::add);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("hospitalId").put("type", "string").put("pattern", "^[A-Za-z0-9_-]{1,64}$")
                .put("description", "The hospital the report is about; must be the one its ce_source is configured for.");
        properties.putObject("hospitalEventId").put("type", "string").put("pattern", "^[A-Za-z0-9._:-]{1,64}$")
                .put("description", "The hospital system's own id of the event: the same id twice has one effect.");
        properties.putObject("occurredAt").put("type", "string").put("format", "date-time")
                .put("description", "When it happened, an instant such as 2026-11-24T08:30:00Z.");
        ObjectNode category = properties.putObject("category");
        category.put("description", "Default ADVERSE_EVENT.");
        ArrayNode categories = category.putArray("enum");
        Arrays.stream(ReasonCategory.values()).map(Enum::name).forEach(categories::add);
        ObjectNode staff = properties.putObject("involvedStaff");
        staff.put("type", "array").put("minItems", 1).put("maxItems", 1000)
                .put("description", "Each person involved, by their subject at the hospital's identity provider.");
        ObjectNode member = staff.putObject("items");
        member.put("type", "object").put("additionalProperties", false);
        member.putArray("required").add("staffId");
        member.putObject("properties").putObject("staffId").put("type", "string")
                .put("pattern", "^[A-Za-z0-9._@-]{1,64}$");
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", "two staff members");
        ObjectNode exampleHeaders = example.putObject("headers");
        exampleHeaders.put("ce_specversion", "1.0");
        exampleHeaders.put("ce_id", "lakeside-risk-7f3c2a");
        exampleHeaders.put("ce_type", Topics.TRIGGER_REPORTED);
        exampleHeaders.put("ce_source", "/hospitals/lakeside/risk-system");
        exampleHeaders.put("ce_time", "2026-11-24T08:31:00Z");
        exampleHeaders.put("content-type", "application/json");
        ObjectNode data = example.putObject("payload");
        data.put("hospitalId", "lakeside");
        data.put("hospitalEventId", "AE-2026-0042");
        data.put("occurredAt", "2026-11-24T08:30:00Z");
        data.put("category", "ADVERSE_EVENT");
        ArrayNode people = data.putArray("involvedStaff");
        people.addObject().put("staffId", "lakeside-staff-1");
        people.addObject().put("staffId", "lakeside-staff-2");
        ObjectNode bindings = message.putObject("bindings").putObject("kafka");
        bindings.putObject("key").put("type", "string")
                .put("description", "Any; the hospitalEventId keeps one event's records in order.");
        bindings.put("bindingVersion", "0.5.0");
        return message;
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
