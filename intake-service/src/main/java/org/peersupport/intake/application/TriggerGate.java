package org.peersupport.intake.application;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.peersupport.events.ReasonCategory;
import org.peersupport.platform.kernel.InvalidValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The minimal-data gate of a plain-JSON trigger, shared by the HTTPS and the topic door: only the allowed fields pass
 * ({@code hospitalId}, {@code hospitalEventId}, {@code occurredAt}, {@code category}, {@code involvedStaff[].staffId}).
 * A field that names patient data, at any depth, is refused by name before anything else is looked at, so a sender
 * learns that it must not send it (not merely that the field is unknown); a field name starting with {@code $} is
 * refused too; any other field, free text included, is unknown and refused. Nothing refused is kept or logged.
 */
public class TriggerGate {

    /** Names of patient data, compared without case, spaces, '_' or '-'; any name starting with "patient" too. */
    private static final Set<String> PATIENT_FIELDS = Set.of("name", "fullname", "firstname", "lastname", "givenname",
            "familyname", "surname", "mrn", "medicalrecordnumber", "medicalrecord", "recordnumber", "dateofbirth",
            "birthdate", "dob", "ssn", "socialsecuritynumber", "subject", "address", "diagnosis");
    private static final Set<String> TOP_FIELDS = Set.of("hospitalId", "hospitalEventId", "occurredAt", "category",
            "involvedStaff");
    private static final Set<String> STAFF_FIELDS = Set.of("staffId");
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern HOSPITAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** As a token's subject may be: the staff id is the person's subject at the hospital's identity provider. */
    private static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final JsonMapper json = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                            .maxStringLength(10_000).maxNameLength(200).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final int maxStaff;

    public TriggerGate(int maxStaff) {
        this.maxStaff = maxStaff;
    }

    /** What passed the gate: the report, and the hospital the data names (null when it names none). */
    public record Passed(String hospitalId, TriggerReport report) {
    }

    public Passed read(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException malformed) {
            throw new InvalidValue("body", "not valid JSON (or nested too deep, or a field given twice)");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidValue("body", "must be a JSON object");
        }
        refuseForbiddenNames(root, "");
        onlyAllowed(root, TOP_FIELDS, "");
        String hospitalId = optionalText(root, "hospitalId", HOSPITAL_ID, "a hospital id");
        String eventId = requiredText(root, "hospitalEventId", EVENT_ID,
                "required: 1 to 64 letters, digits, '.', '_', ':' or '-'");
        Instant occurredAt = instant(root);
        ReasonCategory category = category(root);
        return new Passed(hospitalId, new TriggerReport(eventId, occurredAt, category, staffIds(root)));
    }

    private static void refuseForbiddenNames(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                String at = path.isEmpty() ? name : path + "." + name;
                if (name.startsWith("$")) {
                    throw new InvalidValue(at, "field names starting with '$' are not accepted");
                }
                if (isPatientData(name)) {
                    throw new InvalidValue(at, "patient data is not accepted: send no patient identifiers");
                }
                refuseForbiddenNames(field.getValue(), at);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseForbiddenNames(node.get(i), path + "[" + i + "]");
            }
        }
    }

    static boolean isPatientData(String fieldName) {
        String plain = fieldName.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        return plain.startsWith("patient") || PATIENT_FIELDS.contains(plain);
    }

    private static void onlyAllowed(JsonNode object, Set<String> allowed, String path) {
        for (String name : object.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidValue(path.isEmpty() ? name : path + "." + name, "unknown field");
            }
        }
    }

    private static String optionalText(JsonNode root, String field, Pattern pattern, String what) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || !pattern.matcher(value.stringValue()).matches()) {
            throw new InvalidValue(field, "must be " + what);
        }
        return value.stringValue();
    }

    private static String requiredText(JsonNode root, String field, Pattern pattern, String reason) {
        JsonNode value = root.get(field);
        if (value == null || !value.isString() || !pattern.matcher(value.stringValue()).matches()) {
            throw new InvalidValue(field, reason);
        }
        return value.stringValue();
    }

    private static Instant instant(JsonNode root) {
        JsonNode value = root.get("occurredAt");
        String reason = "required: an instant such as 2026-11-24T08:30:00Z";
        if (value == null || !value.isString()) {
            throw new InvalidValue("occurredAt", reason);
        }
        try {
            return Instant.parse(value.stringValue());
        } catch (DateTimeParseException malformed) {
            throw new InvalidValue("occurredAt", reason);
        }
    }

    private static ReasonCategory category(JsonNode root) {
        JsonNode value = root.get("category");
        if (value == null || value.isNull()) {
            return ReasonCategory.ADVERSE_EVENT;
        }
        if (value.isString()) {
            for (ReasonCategory category : ReasonCategory.values()) {
                if (category.name().equals(value.stringValue())) {
                    return category;
                }
            }
        }
        throw new InvalidValue("category", "must be one of " + List.of(ReasonCategory.values()));
    }

    private List<String> staffIds(JsonNode root) {
        JsonNode staff = root.get("involvedStaff");
        if (staff == null || !staff.isArray() || staff.isEmpty()) {
            throw new InvalidValue("involvedStaff", "required: a list of at least one {\"staffId\": …}");
        }
        if (staff.size() > maxStaff) {
            throw new InvalidValue("involvedStaff", "at most " + maxStaff + " staff per trigger");
        }
        List<String> ids = new ArrayList<>(staff.size());
        for (int i = 0; i < staff.size(); i++) {
            String at = "involvedStaff[" + i + "]";
            JsonNode member = staff.get(i);
            if (!member.isObject()) {
                throw new InvalidValue(at, "must be an object {\"staffId\": …}");
            }
            onlyAllowed(member, STAFF_FIELDS, at);
            JsonNode id = member.get("staffId");
            if (id == null || !id.isString() || !STAFF_ID.matcher(id.stringValue()).matches()) {
                throw new InvalidValue(at + ".staffId", "required: 1 to 64 letters, digits, '.', '_', '@' or '-'");
            }
            ids.add(id.stringValue());
        }
        return ids;
    }
}
