package org.peersupport.platform.web;

import org.peersupport.platform.kernel.InvalidValue;

/** A request field the controller rejected; answered 400 naming the field, as any {@link InvalidValue}. */
public class InvalidInputException extends InvalidValue {

    public InvalidInputException(String field, String reason) {
        super(field, reason);
    }
}
