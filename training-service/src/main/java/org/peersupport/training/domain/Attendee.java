package org.peersupport.training.domain;

import org.peersupport.platform.kernel.InvalidValue;

/**
 * A person holding or waiting for a seat: their hospital and staff id (their subject at that hospital's identity
 * provider), never a name. Stored in a session's lists as {@link #key()}.
 */
public record Attendee(String hospitalId, String staffId) {

    private static final String SEPARATOR = "/";

    public Attendee {
        if (hospitalId == null || hospitalId.isBlank() || hospitalId.contains(SEPARATOR)) {
            throw new InvalidValue("hospitalId", "not a hospital id");
        }
        if (staffId == null || staffId.isBlank() || staffId.length() > 128) {
            throw new InvalidValue("staffId", "not a staff id");
        }
    }

    public String key() {
        return hospitalId + SEPARATOR + staffId;
    }

    public static Attendee ofKey(String key) {
        int at = key.indexOf(SEPARATOR);
        return new Attendee(key.substring(0, at), key.substring(at + 1));
    }
}
