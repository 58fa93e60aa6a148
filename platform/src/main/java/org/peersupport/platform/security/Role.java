package org.peersupport.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** What a principal may do; the token's {@code roles} claim holds the claim values. */
public enum Role {
    STAFF("staff"),
    SUPPORTER("supporter"),
    COORDINATOR("coordinator"),
    ADMIN("admin"),
    HOSPITAL_SYSTEM("hospital-system");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> ofClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
    }
}
