package cn.chanrong.identity.internal;

import cn.chanrong.identity.Role;
import cn.chanrong.identity.UserDraft;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a new user must satisfy: a free, well-formed name, a real password, and a tenant that fits the role. */
final class UserRules {

    /** Demo mode keeps its documented password "demo"; real installations need twelve characters. */
    static int minPassword(boolean demo) {
        return demo ? 4 : 12;
    }
    static final Set<String> DEPARTMENTS = Set.of("PBOC", "MIIT", "NDRC", "NFRA", "MOF", "CSRC", "MOST", "SASAC");
    static final Set<String> AUTHORITIES = Set.of("operator", "reviewer", "approver", "institution-admin");
    /** What an institution's administrator may grant: everything but administration itself. */
    static final Set<String> STAFF_AUTHORITIES = Set.of("operator", "reviewer", "approver");

    private UserRules() {
    }

    static List<Rejection> check(UserDraft d, JdbcUsers users, boolean demo) {
        List<Rejection> r = new ArrayList<>();
        if (d.username() == null || !d.username().matches("[a-z0-9][a-z0-9._-]{1,62}")) {
            r.add(Rejection.of("user.username", "username", d.username()));
        } else if (users.exists(d.username())) {
            r.add(Rejection.of("user.username-taken", "username", d.username()));
        }
        if (d.rawPassword() == null || d.rawPassword().length() < minPassword(demo)) {
            r.add(Rejection.of("user.password", "password", minPassword(demo)));
        }
        if (d.displayName() == null || d.displayName().isBlank() || d.displayName().length() > 100) {
            r.add(Rejection.of("length", "displayName", 1, 100));
        }
        if (d.role() == null) {
            r.add(Rejection.of("required", "role"));
            return r;
        }
        if (d.role() == Role.ENTERPRISE && (d.enterpriseId() == null || !users.tenantExists("enterprise", d.enterpriseId()))) {
            r.add(Rejection.of("user.enterprise", "enterpriseId", String.valueOf(d.enterpriseId())));
        }
        if (d.role() == Role.INSTITUTION && (d.institutionId() == null || !users.tenantExists("institution", d.institutionId()))) {
            r.add(Rejection.of("user.institution", "institutionId", String.valueOf(d.institutionId())));
        }
        if (d.role() == Role.REGULATOR) {
            if (d.department() == null || !DEPARTMENTS.contains(d.department())) {
                r.add(Rejection.of("enum", "department", String.valueOf(d.department()), DEPARTMENTS.toString()));
            }
            if (d.regionCode() != null && !d.regionCode().matches("[1-9][0-9](0000|[0-9][1-9]00|[1-9][0-9]00)")) {
                r.add(Rejection.of("user.region", "regionCode", d.regionCode()));
            }
        }
        if (d.authorities() != null) {
            d.authorities().stream().filter(a -> !AUTHORITIES.contains(a))
                    .forEach(a -> r.add(Rejection.of("enum", "authorities", a, AUTHORITIES.toString())));
        }
        return r;
    }
}
