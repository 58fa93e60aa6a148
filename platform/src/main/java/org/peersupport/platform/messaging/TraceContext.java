package org.peersupport.platform.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} of the current span, kept with what is written now and handed over later (an outbox
 * message is published by the relay, from a stored document, on another thread), so its trace goes on where it began.
 * Without tracing (no span, or OpenTelemetry's no-op) there is none.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    /** version 00, trace id, parent span id, flags: nothing else is ever stored or restored. */
    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceContext() {
    }

    /** The current span's {@code traceparent}, or null when no span is current. */
    public static String current() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        String traceparent = carrier.get(HEADER);
        return isValid(traceparent) ? traceparent : null;
    }

    /** A well-formed {@code traceparent}; anything else is dropped rather than passed on. */
    public static boolean isValid(String traceparent) {
        return traceparent != null && TRACEPARENT.matcher(traceparent).matches();
    }
}
