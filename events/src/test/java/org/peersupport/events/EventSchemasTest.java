package org.peersupport.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published JSON Schemas are held against the records that produce the wire data. */
class EventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** Fields added to a published type after its first release: optional on the wire, so older events stay valid. */
    static final Map<EventType, Set<String>> ADDED_LATER = Map.of(EventType.REQUEST_SUBMITTED, Set.of("unit",
            "reasonCategory", "urgency", "sameRolePreferred", "outsideUnitPreferred", "supporterGender", "origin"),
            EventType.SUPPORTER_CERTIFIED, Set.of("unit", "takesNetworkRequests"),
            EventType.SUPPORTER_ASSIGNED, Set.of("urgent"),
            EventType.CASE_OPENED, Set.of("firstContactDueAt"));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaNamesEveryRecordComponentAndRequiresAllButThoseAddedLater(EventType type) throws IOException {
        JsonNode schema = schemaOf(type);
        List<String> components = Arrays.stream(type.javaType().getRecordComponents()).map(RecordComponent::getName).toList();
        Set<String> addedLater = ADDED_LATER.getOrDefault(type, Set.of());

        assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(components);
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(node -> required.add(node.asString()));
        assertThat(required).containsExactlyInAnyOrderElementsOf(
                components.stream().filter(name -> !addedLater.contains(name)).toList());
        assertThat(schema.get("title").asString()).isEqualTo(type.wireType());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventWrittenBeforeTheLaterFieldsStillValidates(EventType type) throws Exception {
        var data = (tools.jackson.databind.node.ObjectNode) JSON.valueToTree(sampleOf(type.javaType()));
        ADDED_LATER.getOrDefault(type, Set.of()).forEach(data::remove);

        Schema schema = SCHEMAS.getSchema(type.getClass().getResourceAsStream(type.schemaResource()));
        assertThat(schema.validate(data)).isEmpty();
    }

    @Test
    void aRequestSubmittedOfTheFirstShapeReadsWithTheLaterFieldsEmpty() {
        String first = """
                {"eventId":"e1","occurredAt":"2026-11-23T10:15:30Z","hospitalId":"lakeside","requestId":"r1",
                 "requesterRef":"rq-1","requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "outsideHospitalPreferred":false}""";

        RequestSubmitted read = JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build()
                .readValue(first, RequestSubmitted.class);

        assertThat(read).isEqualTo(new RequestSubmitted("e1", Instant.parse("2026-11-23T10:15:30Z"), "lakeside",
                "r1", "rq-1", ClinicalRole.NURSE, Modality.PHONE, "en", false));
        assertThat(read.unit()).isNull();
        assertThat(read.sameRolePreferred()).isNull();
        assertThat(read.origin()).isNull();
    }

    @Test
    void aSupporterCertifiedOfTheFirstShapeReadsWithoutUnitOrNetworkParticipation() {
        String first = """
                {"eventId":"e1","occurredAt":"2026-11-23T10:15:30Z","hospitalId":"lakeside","supporterId":"s1",
                 "role":"NURSE","languages":["en"],"modalities":["PHONE"],"capacity":2,
                 "certifiedUntil":"2027-11-23T10:15:30Z"}""";

        SupporterCertified read = JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build()
                .readValue(first, SupporterCertified.class);

        assertThat(read).isEqualTo(new SupporterCertified("e1", Instant.parse("2026-11-23T10:15:30Z"), "lakeside",
                "s1", ClinicalRole.NURSE, List.of("en"), List.of(Modality.PHONE), 2,
                Instant.parse("2027-11-23T10:15:30Z")));
        assertThat(read.unit()).isNull();
        assertThat(read.takesNetworkRequests()).isNull();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void serializedSampleValidatesAgainstItsSchema(EventType type) throws Exception {
        DomainEvent sample = sampleOf(type.javaType());
        JsonNode data = JSON.valueToTree(sample);

        Schema schema = SCHEMAS.getSchema(type.getClass().getResourceAsStream(type.schemaResource()));
        assertThat(schema.validate(data)).isEmpty();
        assertThat(EventType.of(sample)).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsDataMissingTheHospital(EventType type) throws Exception {
        DomainEvent sample = sampleOf(type.javaType());
        var data = (tools.jackson.databind.node.ObjectNode) JSON.valueToTree(sample);
        data.remove("hospitalId");

        Schema schema = SCHEMAS.getSchema(type.getClass().getResourceAsStream(type.schemaResource()));
        assertThat(schema.validate(data)).isNotEmpty();
    }

    @Test
    void wireTypesAreStableLogicalNamesNeverClassNames() {
        Set<String> seen = new HashSet<>();
        for (EventType type : EventType.values()) {
            assertThat(type.wireType()).matches("peersupport\\.[a-z]+\\.[a-z]+\\.v[0-9]+");
            assertThat(type.wireType()).doesNotContain(type.javaType().getSimpleName());
            assertThat(seen.add(type.wireType())).as("unique %s", type.wireType()).isTrue();
            assertThat(Topics.ALL).contains(type.topic());
            assertThat(EventType.ofWireType(type.wireType())).contains(type);
        }
        assertThat(EventType.ofWireType("peersupport.unknown.thing.v1")).isEmpty();
    }

    private static JsonNode schemaOf(EventType type) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema %s", type.schemaResource()).isNotNull();
            return JSON.readTree(in);
        }
    }

    /** Builds an instance with a plausible value for every component, so the test follows the records as they grow. */
    static DomainEvent sampleOf(Class<? extends DomainEvent> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sampleValue(components[i]);
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object sampleValue(RecordComponent component) {
        Class<?> t = component.getType();
        String name = component.getName();
        if (t == String.class) {
            return switch (name) {
                case "preferredLanguage" -> "en";
                case "unit" -> "ICU-4";
                case "channel" -> "IN_APP";
                case "month" -> "2026-11";
                case "reason" -> type(component).equals(MatchEscalated.class) ? "NO_ELIGIBLE_SUPPORTER" : "assigned";
                default -> name + "-1";
            };
        }
        if (t == Instant.class) {
            return Instant.parse("2026-11-23T10:15:30Z");
        }
        if (t == int.class || t == Integer.class) {
            return 2;
        }
        if (t == boolean.class || t == Boolean.class) {
            return true;
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == List.class) {
            return name.equals("modalities") ? List.of(Modality.PHONE) : List.of("en");
        }
        throw new IllegalStateException("no sample for " + t);
    }

    private static Class<?> type(RecordComponent component) {
        return component.getDeclaringRecord();
    }
}
