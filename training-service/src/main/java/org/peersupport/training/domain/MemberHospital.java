package org.peersupport.training.domain;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.peersupport.platform.kernel.InvalidValue;

/**
 * A member hospital of the learning community, added by the network admin, with the staff ids of its program
 * coordinators (their subjects at its identity provider).
 */
public record MemberHospital(String hospitalId, String name, List<String> coordinatorIds, Instant joinedAt) {

    private static final Pattern HOSPITAL_ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public MemberHospital {
        if (hospitalId == null || !HOSPITAL_ID.matcher(hospitalId).matches()) {
            throw new InvalidValue("hospitalId", "1 to 64 lower-case letters, digits or '-'");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidValue("name", "1 to 200 characters");
        }
        coordinatorIds = coordinatorIds == null ? List.of() : List.copyOf(coordinatorIds);
        if (coordinatorIds.size() > 20 || coordinatorIds.stream().anyMatch(c -> c == null
                || !STAFF_ID.matcher(c).matches())) {
            throw new InvalidValue("coordinatorIds", "at most 20 staff ids");
        }
    }
}
