package org.peersupport.intake.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code peersupport.crisis.directory}: the crisis resources shown at once to someone at risk of harming themselves.
 * {@code everywhere} (988, 911) comes first for every hospital, then the hospital's own lines under
 * {@code hospitals.<hospitalId>} (its employee assistance program), or {@code unlisted-hospital} for a hospital
 * without an entry. Defaults are in application.yaml.
 */
@ConfigurationProperties("peersupport.crisis.directory")
public record CrisisDirectory(List<CrisisResource> everywhere, Map<String, List<CrisisResource>> hospitals,
        List<CrisisResource> unlistedHospital) {

    public CrisisDirectory {
        everywhere = everywhere == null ? List.of() : List.copyOf(everywhere);
        hospitals = hospitals == null ? Map.of() : Map.copyOf(hospitals);
        unlistedHospital = unlistedHospital == null ? List.of() : List.copyOf(unlistedHospital);
    }

    /** One line to call or text: a name, the number, and a short note on when to use it. */
    public record CrisisResource(String name, String phone, String note) {
    }

    public List<CrisisResource> forHospital(String hospitalId) {
        List<CrisisResource> all = new ArrayList<>(everywhere);
        all.addAll(hospitals.getOrDefault(hospitalId, unlistedHospital));
        return List.copyOf(all);
    }
}
