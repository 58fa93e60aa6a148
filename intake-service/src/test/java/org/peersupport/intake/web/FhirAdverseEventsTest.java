package org.peersupport.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peersupport.events.ReasonCategory;
import org.peersupport.intake.application.TriggerProperties;
import org.peersupport.intake.application.TriggerReport;
import org.peersupport.platform.kernel.InvalidValue;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The FHIR door's gate over its corpus: what good samples keep, what bad ones are refused for. */
@ExtendWith(OutputCaptureExtension.class)
class FhirAdverseEventsTest {

    /** The shipped defaults, as application.yaml sets them. */
    private static final TriggerProperties LIMITS = new TriggerProperties(5, 1000, DataSize.ofKilobytes(128), Map.of());
    private static final FhirAdverseEvents READER = new FhirAdverseEvents(new FhirConfiguration().fhirContext(), LIMITS);

    static Stream<Arguments> goodSamples() {
        return Stream.of(
                Arguments.of("one-practitioner.json", new TriggerReport("RL-2026-004417",
                        Instant.parse("2026-11-20T08:15:00Z"), ReasonCategory.ADVERSE_EVENT, List.of("E10442"))),
                Arguments.of("five-practitioners.json", new TriggerReport("RL-2026-004420",
                        Instant.parse("2026-11-19T22:50:00Z"), ReasonCategory.PATIENT_DEATH,
                        List.of("E20001", "E20002", "E20003", "lakeside-staff-4", "E20005"))),
                Arguments.of("many-practitioners.json", new TriggerReport("SUM:2026:0009",
                        Instant.parse("2026-11-21T00:00:00Z"), ReasonCategory.PATIENT_DEATH,
                        IntStream.rangeClosed(1, 500).mapToObj(i -> "S%05d".formatted(i)).toList())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodSamples")
    void aGoodSampleGivesOnlyItsEventIdTimeCategoryAndStaffIds(String sample, TriggerReport expected,
            CapturedOutput output) {
        byte[] body = FhirSamples.good(sample);
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).as("the sample carries the patient's values")
                .contains(FhirSamples.PATIENT_IN_EVERY_GOOD_SAMPLE);

        TriggerReport report = READER.read("lakeside", body);

        assertThat(report).isEqualTo(expected);
        String serialised = JsonMapper.shared().writeValueAsString(report) + report;
        for (String value : FhirSamples.PRIVATE_VALUES) {
            assertThat(serialised).as("the report read from " + sample).doesNotContainIgnoringCase(value);
            assertThat(output.getAll()).as("log output reading " + sample).doesNotContainIgnoringCase(value);
        }
    }

    static Stream<Arguments> badSamples() {
        return Stream.of(
                Arguments.of("malformed.json", "body"),
                Arguments.of("not-json.txt", "body"),
                Arguments.of("json-array.json", "body"),
                Arguments.of("duplicate-keys.json", "body"),
                Arguments.of("patient.json", "resourceType"),
                Arguments.of("bundle.json", "resourceType"),
                Arguments.of("no-resource-type.json", "resourceType"),
                Arguments.of("unknown-element-note.json", "note"),
                Arguments.of("unknown-element-nested.json", "recorder.patientName"),
                Arguments.of("description-r5.json", "status"),
                Arguments.of("contained-without-id.json", "contained"),
                Arguments.of("modifier-extension.json", "modifierExtension"),
                Arguments.of("missing-identifier.json", "identifier.value"),
                Arguments.of("identifier-without-value.json", "identifier.value"),
                Arguments.of("event-id-is-text.json", "identifier.value"),
                Arguments.of("missing-date.json", "date"),
                Arguments.of("date-is-text.json", "date"),
                Arguments.of("date-month-only.json", "date"),
                Arguments.of("patient-as-recorder.json", "recorder"),
                Arguments.of("related-person-as-recorder.json", "recorder"),
                Arguments.of("contained-patient-as-contributor.json", "contributor[0]"),
                Arguments.of("name-as-staff-id.json", "contributor[0].identifier.value"),
                Arguments.of("surname-as-staff-id.json", "recorder.identifier.value"),
                Arguments.of("practitioner-without-identifier.json", "recorder.identifier.value"),
                Arguments.of("reference-type-unknown.json", "recorder.type"),
                Arguments.of("practitioner-type-on-a-patient.json", "recorder.type"),
                Arguments.of("dangling-contained-reference.json", "recorder.reference"),
                Arguments.of("no-practitioner.json", "contributor"),
                Arguments.of("contributor-not-a-list.json", "contributor"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badSamples")
    void aBadSampleIsRefusedNamingTheFieldWithoutEchoingIt(String sample, String field, CapturedOutput output) {
        InvalidValue refused = catchThrowableOfType(InvalidValue.class,
                () -> READER.read("lakeside", FhirSamples.bad(sample)));

        assertThat(refused).as("refusal of " + sample).isNotNull();
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.getCause()).as("no cause quoting the input").isNull();
        for (String value : FhirSamples.PRIVATE_VALUES) {
            assertThat(refused.getMessage()).doesNotContainIgnoringCase(value);
            assertThat(output.getAll()).as("log output reading " + sample).doesNotContainIgnoringCase(value);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsParsed() {
        byte[] body = FhirSamples.oversize(LIMITS.maxBytes());
        assertThat(body.length).isGreaterThan(LIMITS.maxBytes());

        assertThatThrownBy(() -> READER.read("lakeside", body)).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("body");
    }

    @Test
    void anEmptyBodyOrOneThatIsNotUtf8IsRefused() {
        byte[] latin1 = "{\"resourceType\":\"AdverseEvent\",\"event\":{\"text\":\"Sørensen\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);

        for (byte[] body : List.of(new byte[0], latin1)) {
            assertThatThrownBy(() -> READER.read("lakeside", body)).isInstanceOf(InvalidValue.class)
                    .extracting(e -> ((InvalidValue) e).field()).isEqualTo("body");
        }
    }

    @Test
    void aResourceNestedDeeperThanTheLimitIsRefusedBeforeHapiParsesIt() {
        String nested = "{\"url\":\"https://x.example/e\",\"valueString\":\"Marguerite\"}";
        for (int i = 0; i < FhirAdverseEvents.MAX_DEPTH; i++) {
            nested = "{\"url\":\"https://x.example/e\",\"extension\":[" + nested + "]}";
        }
        byte[] body = ("{\"resourceType\":\"AdverseEvent\",\"identifier\":{\"value\":\"X-1\"},"
                + "\"date\":\"2026-11-20T03:15:00Z\",\"extension\":[" + nested + "],"
                + "\"recorder\":{\"type\":\"Practitioner\",\"identifier\":{\"value\":\"E10442\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> READER.read("lakeside", body)).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("body");
    }

    @Test
    void moreContributorsThanATriggerMayNameAreRefused() {
        StringBuilder contributors = new StringBuilder();
        for (int i = 0; i <= LIMITS.maxInvolvedStaff(); i++) {
            contributors.append(i == 0 ? "" : ",").append("{\"type\":\"Practitioner\",\"identifier\":{\"value\":\"S")
                    .append(i).append("\"}}");
        }
        byte[] body = ("{\"resourceType\":\"AdverseEvent\",\"identifier\":{\"value\":\"X-1\"},"
                + "\"date\":\"2026-11-20T03:15:00Z\",\"contributor\":[" + contributors + "]}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> READER.read("lakeside", body)).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("contributor");
    }
}
