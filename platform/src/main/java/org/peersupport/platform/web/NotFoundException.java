package org.peersupport.platform.web;

/** Nothing at this address for this caller; answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found.", null, false, false);
    }
}
