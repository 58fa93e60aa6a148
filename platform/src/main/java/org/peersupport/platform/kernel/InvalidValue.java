package org.peersupport.platform.kernel;

/** A value the domain refuses to hold, named by field; HTTP answers it with 400 naming the field. */
public class InvalidValue extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidValue(String field, String reason) {
        super("Field '" + field + "': " + reason + ".");
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
