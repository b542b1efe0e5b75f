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
     * The GB/T 2260 prefix a regional regulator is limited to, at its depth — two digits for a
     * province ({@code 440000}), four for a prefecture ({@code 440100}), six for a county — or null
     * when the caller's reads are not limited by region.
     */
    public String regionPrefix() {
        if (role != Role.REGULATOR || regionCode == null) {
            return null;
        }
        if (regionCode.endsWith("0000")) {
            return regionCode.substring(0, 2);
        }
        return regionCode.endsWith("00") ? regionCode.substring(0, 4) : regionCode;
    }

    /**
     * A financial regulator (the central bank or the financial regulatory administration): the
     * departments that may read banks' customer records in their region. The industry departments
     * (MIIT, NDRC, …) see aggregates and the acts addressed to them.
     */
    public boolean isFinancialRegulator() {
        return role == Role.REGULATOR && ("PBOC".equals(department) || "NFRA".equals(department));
    }
}
