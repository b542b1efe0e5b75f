package cn.chanrong.identity;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated person behind a request, with the tenant they belong to: an enterprise, an
 * institution, or (for regulators) a department and a region — {@code regionCode} null means
 * national scope, otherwise a six-digit province code.
 */
public record Caller(String username, Role role, Long enterpriseId, Long institutionId, String department,
                     String regionCode, Set<String> authorities) {

    public Caller {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        authorities = authorities == null ? Set.of() : Set.copyOf(authorities);
    }

    /** The command line and batch jobs act as a system caller with administrator rights. */
    public static Caller system(String name) {
        return new Caller(name, Role.ADMIN, null, null, null, null, Set.of());
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean is(Role r) {
        return role == r;
    }

    public boolean hasAuthority(String authority) {
        return authorities.contains(authority);
    }

    /**
     * The two-digit province prefix a regional regulator is limited to, or null when the caller's
     * reads are not limited by region.
     */
    public String regionPrefix() {
        return role == Role.REGULATOR && regionCode != null ? regionCode.substring(0, 2) : null;
    }
}
