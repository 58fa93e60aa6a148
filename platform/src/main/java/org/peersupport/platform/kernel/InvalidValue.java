package org.peersupport.platform.kernel;

/** A value refused by name of its field (by the domain or at the edge); HTTP answers it with 400 naming the field. */
public class InvalidValue extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidValue(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
