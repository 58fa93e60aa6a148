package org.peersupport.intake.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.codesystems.AdverseEventOutcome;
import org.hl7.fhir.r4.model.codesystems.AdverseEventSeriousness;
import org.peersupport.events.ReasonCategory;
import org.peersupport.intake.application.FhirTriggerReader;
import org.peersupport.intake.application.TriggerProperties;
import org.peersupport.intake.application.TriggerReport;
import org.peersupport.platform.kernel.InvalidValue;
import org.peersupport.platform.web.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FHIR door's minimal-data gate: reads an HL7 FHIR R4 {@code AdverseEvent} (application/fhir+json) with HAPI's
 * strict parser and keeps only the hospital's event id ({@code identifier.value}), when it happened ({@code date},
 * else {@code detected}, else {@code recordedDate}), a category (death when {@code outcome} is {@code fatal} or
 * {@code seriousness} is {@code SeriousResultsInDeath}, an adverse event otherwise) and the staff identifiers of the
 * practitioners named as {@code recorder} or {@code contributor}. Everything else in the resource — {@code subject},
 * contained patients, the {@code text} narrative, extensions, displays, codes' free text — is parsed into memory,
 * never copied and dropped with the parsed resource: the returned {@link TriggerReport} is the only thing that leaves.
 * Refusals name the field and never echo a value; the body is never logged.
 */
@Component
class FhirAdverseEvents implements FhirTriggerReader {

    private static final String ADVERSE_EVENT = "AdverseEvent";
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** As the JSON trigger door's staff id: the person's subject at the hospital's identity provider. */
    private static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9._@-]{2,64}");
    private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern NAME_PARTS = Pattern.compile("[\\s,.]+");
    private static final Set<String> PRACTITIONERS = Set.of("Practitioner", "PractitionerRole");
    private static final Set<String> NOT_STAFF = Set.of("Patient", "RelatedPerson", "Group");
    private static final Set<String> SKIPPED = Set.of("Device");

    /** As deep as an AdverseEvent's contained resources and nested extensions need, and no deeper. */
    static final int MAX_DEPTH = 32;

    /**
     * Only for the checks before HAPI: duplicate keys refused, so both parsers see the same resource, and the depth
     * bounded, so HAPI's recursive parser never meets a deep one.
     */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxNameLength(200).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final FhirContext fhir;
    /** As the trigger path's body limit: the platform's filter answers 413 above it before this reader runs. */
    private final int maxBytes;
    private final int maxInvolvedStaff;

    FhirAdverseEvents(FhirContext fhir, TriggerProperties properties) {
        this.fhir = fhir;
        this.maxBytes = properties.maxBytes();
        this.maxInvolvedStaff = properties.maxInvolvedStaff();
    }

    /** The hospital is the door's to check (the caller's, from its token); the resource's own is not read. */
    @Override
    public TriggerReport read(String hospitalId, byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("body", "required: a FHIR R4 AdverseEvent as JSON");
        }
        if (body.length > maxBytes) {
            throw invalid("body", "larger than " + maxBytes + " bytes");
        }
        String json = utf8(body);
        JsonNode tree = requireAdverseEvent(json);
        return keep(parse(json, tree));
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("body", "not UTF-8 text");
        }
    }

    /** The resource type, read before HAPI so that a Patient, a Bundle or plain JSON is refused by name. */
    private static JsonNode requireAdverseEvent(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw invalid("body", "not valid JSON (a key given twice, or nesting deeper than " + MAX_DEPTH
                    + ", is not)");
        }
        if (root == null || !root.isObject()) {
            throw invalid("body", "must be a JSON object: a FHIR R4 AdverseEvent");
        }
        JsonNode type = root.get("resourceType");
        if (type == null || !type.isString()) {
            throw invalid("resourceType", "required: a FHIR resource of type AdverseEvent");
        }
        if ("Bundle".equals(type.asString())) {
            throw invalid("resourceType", "a Bundle is not accepted: post each AdverseEvent on its own");
        }
        if (!ADVERSE_EVENT.equals(type.asString())) {
            throw invalid("resourceType", "must be AdverseEvent");
        }
        return root;
    }

    private AdverseEvent parse(String json, JsonNode tree) {
        // A parser per call: HAPI's parsers are cheap and not meant to be shared between threads; the context is.
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new Refusing(tree));
        try {
            return parser.parseResource(AdverseEvent.class, json);
        } catch (InvalidValue refused) {
            throw refused;
        } catch (DataFormatException | FHIRException | IllegalArgumentException | IllegalStateException
                | ClassCastException e) {
            // Whatever HAPI refuses input with is bad input, and its message may quote it: neither it nor its cause
            // goes any further.
            InvalidValue named = find(e);
            throw named != null ? named : invalid("body", "not a valid FHIR R4 AdverseEvent");
        }
    }

    private TriggerReport keep(AdverseEvent event) {
        if (event.hasModifierExtension()) {
            throw invalid("modifierExtension", "not understood: a modifier extension may change the meaning");
        }
        if (event.hasImplicitRules()) {
            throw invalid("implicitRules", "not understood: implicit rules may change the meaning");
        }
        return new TriggerReport(eventId(event), occurredAt(event), category(event), involvedStaff(event));
    }

    private static String eventId(AdverseEvent event) {
        if (!event.hasIdentifier() || !event.getIdentifier().hasValue()) {
            throw invalid("identifier.value", "required: the hospital's id of the event");
        }
        String value = event.getIdentifier().getValue();
        if (!EVENT_ID.matcher(value).matches()) {
            throw invalid("identifier.value", "must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }

    private static Instant occurredAt(AdverseEvent event) {
        if (event.hasDateElement()) {
            return instant(event.getDateElement(), "date");
        }
        if (event.hasDetectedElement()) {
            return instant(event.getDetectedElement(), "detected");
        }
        if (event.hasRecordedDateElement()) {
            return instant(event.getRecordedDateElement(), "recordedDate");
        }
        throw invalid("date", "required: when the event happened (or detected, or recordedDate)");
    }

    /** A day (read as its start in UTC) or a date-time with its offset; a year or a month says too little. */
    private static Instant instant(DateTimeType element, String field) {
        String value = element.getValueAsString();
        try {
            if (value != null && value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value != null && value.length() > 10) {
                return OffsetDateTime.parse(value).toInstant();
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal
        }
        throw invalid(field, "must be a date or a date-time with a time zone");
    }

    /**
     * PATIENT_DEATH when the outcome is {@code fatal} or the seriousness {@code SeriousResultsInDeath} (codes of the
     * FHIR code systems, or with no system); ADVERSE_EVENT for anything else, near misses ({@code actuality}
     * {@code potential}) included.
     */
    private static ReasonCategory category(AdverseEvent event) {
        boolean fatal = has(event.getOutcome(), AdverseEventOutcome.FATAL.getSystem(),
                AdverseEventOutcome.FATAL.toCode())
                || has(event.getSeriousness(), AdverseEventSeriousness.SERIOUSRESULTSINDEATH.getSystem(),
                AdverseEventSeriousness.SERIOUSRESULTSINDEATH.toCode());
        return fatal ? ReasonCategory.PATIENT_DEATH : ReasonCategory.ADVERSE_EVENT;
    }

    private static boolean has(CodeableConcept concept, String system, String code) {
        if (concept == null) {
            return false;
        }
        for (Coding coding : concept.getCoding()) {
            if (code.equals(coding.getCode()) && (!coding.hasSystem() || system.equals(coding.getSystem()))) {
                return true;
            }
        }
        return false;
    }

    private List<String> involvedStaff(AdverseEvent event) {
        Set<String> ids = new LinkedHashSet<>();
        if (event.hasRecorder()) {
            staffId(event, event.getRecorder(), "recorder").ifPresent(ids::add);
        }
        List<Reference> contributors = event.getContributor();
        if (contributors.size() > maxInvolvedStaff) {
            throw invalid("contributor", "at most " + maxInvolvedStaff + " per event");
        }
        for (int i = 0; i < contributors.size(); i++) {
            staffId(event, contributors.get(i), "contributor[" + i + "]").ifPresent(ids::add);
        }
        if (ids.isEmpty()) {
            throw invalid("contributor", "required: at least one practitioner as recorder or contributor");
        }
        if (ids.size() > maxInvolvedStaff) {
            throw invalid("contributor", "at most " + maxInvolvedStaff + " per event");
        }
        return new ArrayList<>(ids);
    }

    /**
     * The staff identifier of a practitioner reference: its own {@code identifier.value}, or the first identifier of
     * the contained Practitioner it points to (through a contained PractitionerRole's {@code practitioner} too). A
     * device names nobody and is skipped; a patient, related person or group is refused, never taken as staff.
     */
    private static Optional<String> staffId(AdverseEvent event, Reference reference, String field) {
        Resource target = contained(event, reference);
        String type = targetType(reference, target, field);
        if (SKIPPED.contains(type)) {
            return Optional.empty();
        }
        if (NOT_STAFF.contains(type)) {
            throw invalid(field, "must be a Practitioner or PractitionerRole, never a patient or a related person");
        }
        if (!PRACTITIONERS.contains(type)) {
            throw invalid(field + ".type", "must be Practitioner or PractitionerRole (or Device, which is skipped)");
        }
        Set<String> names = new LinkedHashSet<>(nameParts(reference.getDisplay()));
        String id = identifierValue(reference.getIdentifier());
        if (id == null && target instanceof PractitionerRole role) {
            names.addAll(nameParts(role.getPractitioner().getDisplay()));
            id = identifierValue(role.getPractitioner().getIdentifier());
            if (id == null) {
                target = contained(event, role.getPractitioner());
            }
        }
        if (id == null && target instanceof Practitioner practitioner) {
            for (HumanName name : practitioner.getName()) {
                names.addAll(nameParts(name.getNameAsSingleString()));
            }
            id = practitioner.getIdentifier().stream().map(FhirAdverseEvents::identifierValue)
                    .filter(value -> value != null).findFirst().orElse(null);
        }
        if (id == null) {
            throw invalid(field + ".identifier.value", "required: the practitioner's staff identifier");
        }
        if (!STAFF_ID.matcher(id).matches() || names.contains(id.toLowerCase(Locale.ROOT))) {
            // A name where an id belongs is personal data in the wrong place: refused, and not echoed.
            throw invalid(field + ".identifier.value",
                    "not a plausible staff identifier (2 to 64 letters, digits, '.', '_', '@' or '-', not a name)");
        }
        return Optional.of(id);
    }

    private static String identifierValue(Identifier identifier) {
        return identifier != null && identifier.hasValue() ? identifier.getValue() : null;
    }

    /** The resource type a reference points to, from its {@code type}, its contained target or its literal URL. */
    private static String targetType(Reference reference, Resource target, String field) {
        String literal = null;
        if (target != null) {
            literal = target.fhirType();
        } else if (reference.hasReference() && !reference.getReference().startsWith("#")) {
            literal = new IdType(reference.getReference()).getResourceType();
        } else if (reference.hasReference()) {
            throw invalid(field + ".reference", "points to no contained resource");
        }
        String declared = reference.hasType() ? lastSegment(reference.getType()) : null;
        if (declared != null && literal != null && !declared.equals(literal)) {
            throw invalid(field + ".type", "does not match the resource referenced");
        }
        String type = declared != null ? declared : literal;
        if (type == null) {
            throw invalid(field + ".type", "required: Practitioner or PractitionerRole");
        }
        return type;
    }

    private static Resource contained(AdverseEvent event, Reference reference) {
        if (!reference.hasReference() || !reference.getReference().startsWith("#")) {
            return null;
        }
        String id = reference.getReference().substring(1);
        for (Resource resource : event.getContained()) {
            if (id.equals(stripHash(resource.getIdPart())) || id.equals(stripHash(resource.getId()))) {
                return resource;
            }
        }
        return null;
    }

    private static String stripHash(String id) {
        return id != null && id.startsWith("#") ? id.substring(1) : id;
    }

    private static String lastSegment(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash >= 0 ? uri.substring(slash + 1) : uri;
    }

    private static Set<String> nameParts(String text) {
        Set<String> parts = new LinkedHashSet<>();
        if (text != null) {
            for (String part : NAME_PARTS.split(text.toLowerCase(Locale.ROOT))) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    private static InvalidValue find(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof InvalidValue named) {
                return named;
            }
        }
        return null;
    }

    private static InvalidInputException invalid(String field, String reason) {
        return new InvalidInputException(field, reason);
    }

    /**
     * HAPI's strict mode, naming the element instead of quoting the input: unknown elements, wrong JSON types, bad
     * values and dangling references all refuse the resource rather than being skipped. HAPI tells only an element's
     * own name; its path ({@code recorder.patientName}) is looked up in the JSON tree read before.
     */
    private static final class Refusing implements IParserErrorHandler {

        private final JsonNode tree;

        Refusing(JsonNode tree) {
            this.tree = tree;
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            throw invalid("contained", "a contained resource needs an id");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName,
                BaseJsonLikeValue.ValueType expected, BaseJsonLikeValue.ScalarType expectedScalar,
                BaseJsonLikeValue.ValueType found, BaseJsonLikeValue.ScalarType foundScalar) {
            throw invalid(path(elementName, null), "wrong JSON type");
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            throw invalid(path(elementOf(location), value), "invalid value");
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String elementName) {
            throw invalid(path(elementName, null), "required");
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
            throw invalid(path(elementName, null), "must not repeat");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
            throw invalid(path(attributeName, null), "unknown element");
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
            throw invalid(path(elementName, null), "unknown element");
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            throw invalid(path("reference", reference), "points to no contained resource");
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            throw invalid(path("reference", reference), "points to no contained resource");
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            throw invalid(path("extension", null), "an extension has a value or nested extensions, not both");
        }

        private static String elementOf(IParseLocation location) {
            return location == null ? null : location.getParentElementName();
        }

        /**
         * The path of the first {@code name} (holding {@code value}, when given) in document order; names come from
         * the input too, so only a plain element name is ever repeated, and never a value.
         */
        private String path(String name, String value) {
            if (name == null || !ELEMENT_NAME.matcher(name).matches()) {
                return "body";
            }
            String found = find(tree, name, value, "");
            return found != null ? found : name;
        }

        private static String find(JsonNode node, String name, String value, String prefix) {
            if (node.isObject()) {
                JsonNode here = node.get(name);
                if (here != null && (value == null || here.isValueNode() && value.equals(here.asString()))) {
                    return prefix.isEmpty() ? name : prefix + "." + name;
                }
                for (var entry : node.properties()) {
                    String at = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
                    String found = ELEMENT_NAME.matcher(entry.getKey()).matches()
                            ? find(entry.getValue(), name, value, at) : null;
                    if (found != null) {
                        return found;
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    String found = find(node.get(i), name, value, prefix + "[" + i + "]");
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }
}
