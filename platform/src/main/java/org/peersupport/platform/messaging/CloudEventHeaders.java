package org.peersupport.platform.messaging;

import java.nio.charset.StandardCharsets;
import org.springframework.messaging.Message;

/** CloudEvents 1.0 Kafka binary-mode header names, and reading them whatever form the header mapper left them in. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /**
     * Reads a {@code ce_} attribute header. Spring Cloud Function may rename CloudEvents headers to another binding's
     * prefix ({@code ce-} or {@code ce.}) on the way in, so each spelling is tried.
     */
    public static String read(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value == null && name.startsWith("ce_")) {
            String attribute = name.substring(3);
            value = message.getHeaders().get("ce-" + attribute);
            if (value == null) {
                value = message.getHeaders().get("ce." + attribute);
            }
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value != null ? value.toString() : null;
    }
}
