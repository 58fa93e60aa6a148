package org.peersupport.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The authenticated principal of a request: who, of which hospital, in which roles. */
public record Caller(String subject, Optional<String> hospitalId, Set<Role> roles) {

    public static final String HOSPITAL_CLAIM = "hospital";
    public static final String ROLES_CLAIM = "roles";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller of(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> claimed = jwt.getClaimAsStringList(ROLES_CLAIM);
        if (claimed != null) {
            claimed.forEach(value -> Role.ofClaim(value).ifPresent(roles::add));
        }
        return new Caller(jwt.getSubject(), Optional.ofNullable(jwt.getClaimAsString(HOSPITAL_CLAIM)), roles);
    }

    /** The caller of the current request. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return of(jwt);
        }
        throw new AccessDeniedException("not authenticated");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Requires one of the roles, or answers 403. */
    public Caller require(Role... anyOf) {
        for (Role role : anyOf) {
            if (has(role)) {
                return this;
            }
        }
        throw new AccessDeniedException("requires role " + List.of(anyOf));
    }

    /** The caller's own hospital; a principal without one (the network admin) cannot act for a hospital. */
    public String hospital() {
        return hospitalId.orElseThrow(() -> new AccessDeniedException("principal belongs to no hospital"));
    }

    /** Requires the caller to belong to the given hospital, or answers 403. */
    public Caller requireHospital(String hospital) {
        if (!hospital().equals(hospital)) {
            throw new AccessDeniedException("principal belongs to another hospital");
        }
        return this;
    }
}
