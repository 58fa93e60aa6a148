package org.peersupport.issuer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The demo principals the local issuer knows. Each is an OAuth2 client ({@code client_credentials}, secret
 * {@code demo}); its token carries {@code sub} = name, {@code hospital} (absent for the admin) and
 * {@code roles}. {@code profession} (nurse or physician, supporters only) is for seeding demo data; it is not
 * a token claim.
 */
public final class DemoDirectory {

    public static final String SECRET = "demo";
    public static final List<String> HOSPITALS = List.of("lakeside", "riverside", "summit");

    public static final String STAFF = "staff";
    public static final String SUPPORTER = "supporter";
    public static final String COORDINATOR = "coordinator";
    public static final String HOSPITAL_SYSTEM = "hospital-system";
    public static final String ADMIN = "admin";

    /** One demo principal; {@code hospital} and {@code profession} may be null. */
    public record Principal(String name, String hospital, List<String> roles, String profession) {
        public Principal {
            roles = List.copyOf(roles);
        }
    }

    private static final List<Principal> ALL = build();

    private DemoDirectory() {
    }

    public static List<Principal> all() {
        return ALL;
    }

    public static Optional<Principal> find(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static List<Principal> build() {
        List<Principal> list = new ArrayList<>();
        for (String h : HOSPITALS) {
            list.add(new Principal(h + "-staff-1", h, List.of(STAFF), null));
            list.add(new Principal(h + "-staff-2", h, List.of(STAFF), null));
            list.add(new Principal(h + "-supporter-1", h, List.of(SUPPORTER), "nurse"));
            list.add(new Principal(h + "-supporter-2", h, List.of(SUPPORTER), "physician"));
            list.add(new Principal(h + "-supporter-3", h, List.of(SUPPORTER), "nurse"));
            list.add(new Principal(h + "-coordinator", h, List.of(COORDINATOR), null));
            list.add(new Principal(h + "-system", h, List.of(HOSPITAL_SYSTEM), null));
        }
        list.add(new Principal("network-admin", null, List.of(ADMIN), null));
        return Collections.unmodifiableList(list);
    }
}
