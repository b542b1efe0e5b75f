package cn.chanrong.identity.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.UserDraft;
import cn.chanrong.identity.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcUsers implements Users, UserDetailsService {

    private static final String SELECT = """
            SELECT username, password_hash, role, enterprise_id, institution_id, authorities, department,
                   region_code, enabled FROM app_user""";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final boolean demo;

    JdbcUsers(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, cn.chanrong.platform.PlatformMode mode) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.demo = mode.demo();
    }

    @Override
    @Transactional(readOnly = true)
    public cn.chanrong.shared.Page<UserView> list(Caller caller, cn.chanrong.shared.PageRequest page) {
        if (!caller.isAdmin()) {
            throw cn.chanrong.shared.Rejected.of(cn.chanrong.shared.Rejected.Kind.FORBIDDEN,
                    cn.chanrong.shared.Rejection.of("forbidden", null));
        }
        var items = jdbc.sql("""
                        SELECT id, username, display_name, role, enterprise_id, institution_id, authorities, department,
                               region_code, enabled FROM app_user ORDER BY username LIMIT :l OFFSET :o""")
                .param("l", page.size()).param("o", page.offset())
                .query((rs, i) -> new UserView(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getBoolean(10)))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
        return new cn.chanrong.shared.Page<>(items, page.page(), page.size(), total);
    }

    private static void requireInstitutionAdmin(Caller caller) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("institution-admin")) {
            throw cn.chanrong.shared.Rejected.of(cn.chanrong.shared.Rejected.Kind.FORBIDDEN,
                    cn.chanrong.shared.Rejection.of("user.institution-admin-only", null));
        }
    }

    @Override
    @Transactional
    public long createStaff(Caller admin, String username, String password, String displayName,
                            java.util.Set<String> authorities) {
        requireInstitutionAdmin(admin);
        java.util.Set<String> granted = authorities == null ? java.util.Set.of() : authorities;
        granted.stream().filter(a -> !UserRules.STAFF_AUTHORITIES.contains(a)).findFirst().ifPresent(a -> {
            throw cn.chanrong.shared.Rejected.invalid(cn.chanrong.shared.Rejection.of("enum", "authorities", a,
                    UserRules.STAFF_AUTHORITIES.toString()));
        });
        if (granted.isEmpty()) {
            throw cn.chanrong.shared.Rejected.invalid(cn.chanrong.shared.Rejection.of("required", "authorities"));
        }
        return create(new UserDraft(username, password, displayName, Role.INSTITUTION, null, admin.institutionId(),
                granted, null, null), admin);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<UserView> staff(Caller admin) {
        requireInstitutionAdmin(admin);
        return jdbc.sql("""
                        SELECT id, username, display_name, role, enterprise_id, institution_id, authorities, department,
                               region_code, enabled FROM app_user WHERE institution_id = :i ORDER BY username""")
                .param("i", admin.institutionId())
                .query((rs, i) -> new UserView(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getBoolean(10)))
                .list();
    }

    @Override
    @Transactional
    public long create(UserDraft d, Caller actor) {
        var problems = UserRules.check(d, this, demo);
        if (!problems.isEmpty()) {
            throw cn.chanrong.shared.Rejected.invalid(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, role, enterprise_id, institution_id,
                                              authorities, department, region_code)
                        VALUES (:u, :p, :n, :r, :e, :i, :a, :d, :g) RETURNING id""")
                .param("u", d.username()).param("p", encoder.encode(d.rawPassword()))
                .param("n", d.displayName()).param("r", d.role().name())
                .param("e", d.enterpriseId()).param("i", d.institutionId())
                .param("a", d.authorities() == null ? "" : String.join(",", d.authorities()))
                .param("d", d.department()).param("g", d.regionCode())
                .query(Long.class).single();
        audit.record(AuditEvent.success(actor.username(), "user.create", "user", id,
                d.username() + " " + d.role()));
        return id;
    }

    @Override
    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<Long> enterprisesWithUsers() {
        return jdbc.sql("SELECT DISTINCT enterprise_id FROM app_user WHERE enterprise_id IS NOT NULL ORDER BY enterprise_id")
                .query(Long.class).list();
    }

    /** How many platform administrators exist. */
    long administrators() {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'ADMIN'").query(Long.class).single();
    }

    /** Whether the tenant a new user belongs to exists: {@code table} is "enterprise" or "institution". */
    boolean tenantExists(String table, long id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    @Override
    public Optional<Caller> caller(String username) {
        return principal(username).map(CallerPrincipal::caller);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return principal(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    Optional<CallerPrincipal> principal(String username) {
        return jdbc.sql(SELECT + " WHERE username = :u").param("u", username)
                .query(JdbcUsers::map).optional();
    }

    private static CallerPrincipal map(ResultSet rs, int i) throws SQLException {
        String auths = rs.getString("authorities");
        Set<String> authorities = auths == null || auths.isBlank() ? Set.of()
                : Arrays.stream(auths.split(",")).map(String::trim).collect(Collectors.toSet());
        Caller c = new Caller(rs.getString("username"), Role.valueOf(rs.getString("role")),
                (Long) rs.getObject("enterprise_id"), (Long) rs.getObject("institution_id"),
                rs.getString("department"), rs.getString("region_code"), authorities);
        return new CallerPrincipal(c, rs.getString("password_hash"), rs.getBoolean("enabled"));
    }
}
