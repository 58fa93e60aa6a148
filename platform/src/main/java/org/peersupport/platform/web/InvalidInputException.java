package org.peersupport.platform.web;

/** A request field the controller rejected; answered 400 naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
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
