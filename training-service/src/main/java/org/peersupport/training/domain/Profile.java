package org.peersupport.training.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.platform.kernel.InvalidValue;

/**
 * What matching needs to know of a supporter: role, unit (an opaque code), languages, modalities, whether they take
 * requests from the network's other hospitals, and how many cases at once.
 */
public record Profile(ClinicalRole role, String unit, List<String> languages, List<Modality> modalities,
        boolean takesNetworkRequests, int capacity) {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Profile {
        if (role == null) {
            throw new InvalidValue("role", "required");
        }
        if (unit != null && !UNIT.matcher(unit).matches()) {
            throw new InvalidValue("unit", "a unit code: 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (languages == null || languages.isEmpty()
                || languages.stream().anyMatch(l -> l == null || !LANGUAGE.matcher(l).matches())) {
            throw new InvalidValue("languages", "one or more ISO 639 codes");
        }
        if (modalities == null || modalities.isEmpty() || modalities.stream().anyMatch(Objects::isNull)) {
            throw new InvalidValue("modalities", "one or more of PHONE, VIDEO, IN_PERSON");
        }
        if (capacity < 1 || capacity > 20) {
            throw new InvalidValue("capacity", "must be 1 to 20");
        }
        languages = List.copyOf(languages);
        modalities = List.copyOf(modalities);
    }
}
