package org.peersupport.platform.messaging;

import java.nio.charset.StandardCharsets;
import org.peersupport.events.DomainEvent;
import org.peersupport.events.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for event data. Readers ignore fields they do not know, so producers can add fields without breaking them. */
public class EventCodec {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public String encodeToString(DomainEvent event) {
        return json.writeValueAsString(event);
    }

    public DomainEvent decode(EventType type, byte[] data) {
        try {
            DomainEvent event = json.readValue(new String(data, StandardCharsets.UTF_8), type.javaType());
            if (event.eventId() == null || event.hospitalId() == null || event.subject() == null) {
                throw new UndecodableEventException(type.wireType(), "missing eventId, hospitalId or subject");
            }
            return event;
        } catch (JacksonException malformed) {
            // The parser's message may quote the payload; only its kind is kept.
            throw new UndecodableEventException(type.wireType(), malformed.getClass().getSimpleName());
        }
    }
}
