package org.peersupport.intake.application;

import java.util.Optional;

/**
 * A request a coordinator records for a caller who reached the program another way (Betsy Lehman takes requests by
 * phone, website and email). The caller's staff id, when given, makes them the same requester as when they ask
 * themselves; without it their normalised contact does.
 */
public record OnBehalf(Channel channel, Optional<String> staffId) {

    public enum Channel {
        PHONE, EMAIL, WALK_IN
    }

    public OnBehalf {
        staffId = staffId == null ? Optional.empty() : staffId.filter(id -> !id.isBlank());
    }

    @Override
    public String toString() {
        return "OnBehalf[" + channel + ", redacted]";
    }
}
