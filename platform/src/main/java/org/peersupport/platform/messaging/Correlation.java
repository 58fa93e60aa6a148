package org.peersupport.platform.messaging;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The correlation id of the current unit of work, carried through HTTP, Kafka and the logs. */
public final class Correlation {

    public static final String MDC_KEY = "correlationId";
    public static final String HTTP_HEADER = "X-Correlation-Id";
    /** CloudEvents extension attribute in binary mode. */
    public static final String CE_HEADER = "ce_correlationid";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Correlation() {
    }

    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }

    /** Uses the given id if it is a safe token, otherwise a new one; never lets a caller inject text into logs. */
    public static String adopt(String candidate) {
        String id = candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        return id;
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
