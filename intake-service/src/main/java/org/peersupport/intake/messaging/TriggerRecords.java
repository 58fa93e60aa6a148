package org.peersupport.intake.messaging;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.peersupport.events.Topics;
import org.peersupport.intake.application.TriggerGate;
import org.peersupport.intake.application.TriggerProperties;
import org.peersupport.intake.application.TriggerService;
import org.peersupport.platform.kernel.InvalidValue;
import org.peersupport.platform.messaging.CloudEventHeaders;
import org.peersupport.platform.messaging.UndecodableEventException;
import org.peersupport.platform.messaging.UntrustedEventException;
import org.springframework.messaging.Message;

/**
 * The topic door for hospital systems' triggers: a binary-mode CloudEvent of type {@link Topics#TRIGGER_REPORTED}
 * whose data is the plain-JSON trigger. Hospital systems are not services of ours, so the events' trust policy (the
 * topic owner's {@code ce_source}) does not apply: a record is believed only when its {@code ce_source} is a producer
 * configured for a hospital ({@code peersupport.triggers.producers}) and its data names that same hospital. Anything
 * else, and bad attributes or data, is dead-lettered at once, with a reason that holds no value from the record.
 */
class TriggerRecords {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** Field paths go into the dead-letter reason only when they are plain names (an unknown key may be anything). */
    private static final Pattern SAFE_FIELD = Pattern.compile("[A-Za-z0-9_.\\[\\]$]{1,80}");
    private final TriggerService triggers;
    private final Map<String, String> producers;
    /** As the HTTPS door's body limit for triggers: {@code peersupport.triggers.max-size}. */
    private final int maxDataBytes;

    TriggerRecords(TriggerService triggers, TriggerProperties properties) {
        this.triggers = triggers;
        this.producers = properties.producers();
        this.maxDataBytes = properties.maxBytes();
    }

    void handle(Message<byte[]> message) {
        String type = Topics.TRIGGER_REPORTED;
        String id = CloudEventHeaders.read(message, CloudEventHeaders.ID);
        if (!"1.0".equals(CloudEventHeaders.read(message, CloudEventHeaders.SPEC_VERSION))) {
            throw new UndecodableEventException(type, "ce_specversion is not 1.0");
        }
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new UndecodableEventException(type, "ce_id missing or not 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        if (!type.equals(CloudEventHeaders.read(message, CloudEventHeaders.TYPE))) {
            throw new UndecodableEventException(type, "record " + id + ": ce_type is not " + type);
        }
        String contentType = CloudEventHeaders.read(message, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new UndecodableEventException(type, "record " + id + ": content-type is not application/json");
        }
        String source = CloudEventHeaders.read(message, CloudEventHeaders.SOURCE);
        String hospitalId = source == null ? null : producers.get(source);
        if (hospitalId == null) {
            throw new UntrustedEventException(type, id, UntrustedEventException.Reason.WRONG_SOURCE);
        }
        byte[] data = message.getPayload();
        if (data == null || data.length > maxDataBytes) {
            throw new UndecodableEventException(type, "record " + id + ": data missing or over " + maxDataBytes
                    + " bytes");
        }
        TriggerGate.Passed passed;
        try {
            passed = triggers.gate().read(data);
        } catch (InvalidValue refused) {
            String field = SAFE_FIELD.matcher(refused.field()).matches() ? refused.field() : "(a field)";
            throw new UndecodableEventException(type, "record " + id + ": field '" + field + "': "
                    + refused.reason());
        }
        if (!hospitalId.equals(passed.hospitalId())) {
            throw new UntrustedEventException(type, id, UntrustedEventException.Reason.HOSPITAL_MISMATCH);
        }
        triggers.onTopic(hospitalId, passed.report(), id);
    }
}
