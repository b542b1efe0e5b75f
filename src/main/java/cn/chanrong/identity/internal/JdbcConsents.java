package cn.chanrong.identity.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Consent;
import cn.chanrong.identity.Consents;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consents in PostgreSQL. A request names accounts the enterprise has bound and, for post-loan
 * monitoring, a loan of the requesting institution to that enterprise: both are checked against the
 * cashflow and lending tables by plain reads, since consents sit below those modules.
 */
@Service
class JdbcConsents implements Consents {

    static final int MAX_VALIDITY_DAYS = 366;

    private static final String SELECT = """
            SELECT c.id, c.institution_id, i.name AS institution_name, c.enterprise_id, e.name AS enterprise_name, c.purpose,
                   c.accounts, c.period_from, c.period_to, c.expires_on, c.loan_id, c.status, c.requested_by, c.requested_at,
                   c.decided_by, c.decided_at, c.revoke_requested, c.ended_at, c.note
              FROM consent c JOIN institution_party_view i ON i.id = c.institution_id JOIN enterprise_party_view e ON e.id = c.enterprise_id""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final BusinessDate businessDate;

    JdbcConsents(JdbcClient jdbc, AuditTrail audit, BusinessDate businessDate) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.businessDate = businessDate;
    }

    @Override
    @Transactional
    public Consent request(Caller caller, Request r) {
        if (!caller.is(Role.INSTITUTION)) {
            throw forbidden("consent.institution-only");
        }
        LocalDate today = businessDate.today();
        List<Rejection> problems = new ArrayList<>();
        if (r.enterpriseId() == null) {
            problems.add(Rejection.of("required", "enterpriseId"));
        } else if (jdbc.sql("SELECT count(*) FROM enterprise_party_view WHERE id = :e").param("e", r.enterpriseId()).query(Long.class).single() == 0) {
            throw Rejected.notFound("enterprise", r.enterpriseId());
        }
        if (r.purpose() == null) {
            problems.add(Rejection.of("required", "purpose"));
        }
        if (r.periodFrom() == null) {
            problems.add(Rejection.of("required", "periodFrom"));
        }
        if (r.periodTo() == null) {
            problems.add(Rejection.of("required", "periodTo"));
        }
        if (r.periodFrom() != null && r.periodTo() != null && r.periodFrom().isAfter(r.periodTo())) {
            problems.add(Rejection.of("consent.period", "periodTo", r.periodTo(), r.periodFrom()));
        }
        if (r.expiresOn() == null) {
            problems.add(Rejection.of("required", "expiresOn"));
        } else if (!r.expiresOn().isAfter(today) || r.expiresOn().isAfter(today.plusDays(MAX_VALIDITY_DAYS))) {
            problems.add(Rejection.of("consent.expiry", "expiresOn", r.expiresOn(), today.plusDays(1), today.plusDays(MAX_VALIDITY_DAYS)));
        }
        if (r.purpose() == Consent.Purpose.POST_LOAN && r.loanId() == null) {
            problems.add(Rejection.of("consent.loan.required", "loanId"));
        }
        if (r.purpose() == Consent.Purpose.PRE_LOAN && r.loanId() != null) {
            problems.add(Rejection.of("consent.loan.pre-loan", "loanId"));
        }
        List<String> accounts = r.accounts() == null ? List.of() : r.accounts().stream().map(String::strip).distinct().toList();
        if (r.enterpriseId() != null) {
            for (String a : accounts) {
                long bound = jdbc.sql("SELECT count(*) FROM cash_account_view WHERE account_no = :a AND enterprise_id = :e")
                        .param("a", a).param("e", r.enterpriseId()).query(Long.class).single();
                if (bound == 0) {
                    problems.add(Rejection.of("consent.account", "accounts", a));
                }
            }
            if (r.loanId() != null && r.purpose() == Consent.Purpose.POST_LOAN && jdbc.sql("""
                            SELECT count(*) FROM loan_party_view WHERE loan_id = :l AND institution_id = :i AND borrower_id = :e
                               AND status NOT IN ('REPAID', 'WRITTEN_OFF', 'TRANSFERRED')""")
                    .param("l", r.loanId()).param("i", caller.institutionId()).param("e", r.enterpriseId())
                    .query(Long.class).single() == 0) {
                problems.add(Rejection.of("consent.loan.unknown", "loanId", String.valueOf(r.loanId())));
            }
        }
        if (r.note() != null && r.note().length() > 500) {
            problems.add(Rejection.of("length", "note", 0, 500));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO consent (institution_id, enterprise_id, purpose, accounts, period_from, period_to, expires_on,
                                             loan_id, requested_by, note)
                        VALUES (:i, :e, :p, :a, :f, :t, :x, :l, :by, :n) RETURNING id""")
                .param("i", caller.institutionId()).param("e", r.enterpriseId()).param("p", r.purpose().name())
                .param("a", accounts.toArray(String[]::new)).param("f", r.periodFrom()).param("t", r.periodTo())
                .param("x", r.expiresOn()).param("l", r.loanId()).param("by", caller.username()).param("n", r.note())
                .query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "consent.request", "consent", id,
                r.purpose() + " enterprise " + r.enterpriseId() + " " + r.periodFrom() + ".." + r.periodTo()));
        return load(id);
    }

    @Override
    @Transactional
    public Consent grant(Caller caller, long id) {
        return answer(caller, id, Consent.Status.GRANTED, null);
    }

    @Override
    @Transactional
    public Consent refuse(Caller caller, long id, String reason) {
        return answer(caller, id, Consent.Status.REFUSED, reason);
    }

    private Consent answer(Caller caller, long id, Consent.Status to, String reason) {
        Consent c = ownConsent(caller, id);
        if (c.status() != Consent.Status.REQUESTED) {
            throw Rejected.conflict(Rejection.of("consent.state", null, id, c.status().name()));
        }
        if (to == Consent.Status.GRANTED && businessDate.today().isAfter(c.expiresOn())) {
            throw Rejected.conflict(Rejection.of("consent.expired", null, id, c.expiresOn()));
        }
        jdbc.sql("""
                        UPDATE consent SET status = :s, decided_by = :by, decided_at = now(), note = coalesce(:n, note)
                         WHERE id = :id AND status = 'REQUESTED'""")
                .param("s", to.name()).param("by", caller.username()).param("n", reason).param("id", id).update();
        audit.record(AuditEvent.success(caller.username(), to == Consent.Status.GRANTED ? "consent.grant" : "consent.refuse",
                "consent", id, reason == null ? "" : reason));
        return load(id);
    }

    @Override
    @Transactional
    public Consent revoke(Caller caller, long id) {
        Consent c = ownConsent(caller, id);
        if (c.status() != Consent.Status.GRANTED || c.revokeRequested() != null) {
            throw Rejected.conflict(Rejection.of("consent.state", null, id, c.status().name()));
        }
        if (c.purpose() == Consent.Purpose.PRE_LOAN) {
            jdbc.sql("UPDATE consent SET status = 'REVOKED', revoke_requested = now(), ended_at = now() WHERE id = :id")
                    .param("id", id).update();
        } else {
            // Monitoring of a loan outstanding is part of that loan's contract: it ends with the loan.
            jdbc.sql("UPDATE consent SET revoke_requested = now() WHERE id = :id").param("id", id).update();
        }
        audit.record(AuditEvent.success(caller.username(), "consent.revoke", "consent", id, c.purpose().name()));
        return load(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Consent get(Caller caller, long id) {
        Map<String, Object> p = new java.util.HashMap<>();
        String where = SCOPE.where(caller, p);
        return jdbc.sql(SELECT + " WHERE c.id = :id AND " + where).params(p).param("id", id).query(JdbcConsents::map)
                .optional().orElseThrow(() -> Rejected.notFound("consent", id));
    }

    /**
     * Who may read a consent: the enterprise that gave it, the institution it was given to, the
     * financial regulators where the enterprise is registered.
     */
    private static final cn.chanrong.identity.ReadScope PROFILES =
            cn.chanrong.identity.ReadScope.enterpriseProfiles("x.enterprise_id");

    static final cn.chanrong.identity.ReadScope SCOPE = cn.chanrong.identity.ReadScope.customerData()
            .institution("c.institution_id").enterprise("c.enterprise_id");

    @Override
    @Transactional(readOnly = true)
    public Page<Consent> list(Caller caller, Consent.Status status, Long enterpriseId, PageRequest page) {
        Map<String, Object> p = new java.util.HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(SCOPE.where(caller, p));
        if (status != null) {
            where.append(" AND c.status = :s");
            p.put("s", status.name());
        }
        if (enterpriseId != null) {
            where.append(" AND c.enterprise_id = :e");
            p.put("e", enterpriseId);
        }
        var items = jdbc.sql(SELECT + where + " ORDER BY c.id DESC LIMIT :l OFFSET :o").params(p)
                .param("l", page.size()).param("o", page.offset()).query(JdbcConsents::map).list();
        long total = jdbc.sql("SELECT count(*) FROM consent c" + where).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    @Transactional
    public Scope requireRead(Caller caller, long enterpriseId, String what) {
        if (caller.is(Role.ENTERPRISE) && caller.enterpriseId() != null && caller.enterpriseId() == enterpriseId) {
            audit.record(AuditEvent.success(caller.username(), "cashflow.read", "enterprise", enterpriseId, what + " (own data)"));
            return new Scope(enterpriseId, true, List.of());
        }
        if (!caller.is(Role.INSTITUTION)) {
            Map<String, Object> p = new java.util.HashMap<>();
            String where = PROFILES.where(caller, p);
            if (jdbc.sql("SELECT count(*) FROM enterprise_region_view x WHERE x.enterprise_id = :e AND " + where)
                    .params(p).param("e", enterpriseId).query(Long.class).single() == 0) {
                throw Rejected.notFound("enterprise", enterpriseId);
            }
            throw forbidden("consent.institution-only");
        }
        LocalDate today = businessDate.today();
        List<Consent> all = jdbc.sql(SELECT + " WHERE c.institution_id = :i AND c.enterprise_id = :e ORDER BY c.id DESC")
                .param("i", caller.institutionId()).param("e", enterpriseId).query(JdbcConsents::map).list();
        List<Consent> live = all.stream().filter(c -> c.liveOn(today)).toList();
        if (live.isEmpty()) {
            String why = all.isEmpty() ? "none" : switch (all.getFirst().status()) {
                case REQUESTED -> "pending";
                case REFUSED -> "refused";
                case REVOKED -> "revoked";
                case ENDED -> "ended";
                case GRANTED -> "expired";
            };
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("consent.required." + why, null, String.valueOf(enterpriseId)));
        }
        audit.record(AuditEvent.success(caller.username(), "cashflow.read", "enterprise", enterpriseId,
                what + " under consent " + live.stream().map(c -> String.valueOf(c.id())).reduce((a, b) -> a + "," + b).orElse("")));
        return new Scope(enterpriseId, false, live);
    }

    @Override
    @Transactional
    public int endForLoan(long loanId) {
        List<Long> ids = jdbc.sql("""
                        UPDATE consent SET status = 'ENDED', ended_at = now()
                         WHERE loan_id = :l AND purpose = 'POST_LOAN' AND status IN ('GRANTED', 'REQUESTED') RETURNING id""")
                .param("l", loanId).query(Long.class).list();
        for (Long id : ids) {
            audit.record(AuditEvent.success("system", "consent.end", "consent", id, "loan " + loanId + " repaid"));
        }
        return ids.size();
    }

    private Consent ownConsent(Caller caller, long id) {
        Consent c = get(caller, id);
        if (!caller.is(Role.ENTERPRISE) || caller.enterpriseId() == null || caller.enterpriseId() != c.enterpriseId()) {
            throw forbidden("consent.enterprise-only");
        }
        return c;
    }

    private Consent load(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(JdbcConsents::map).optional()
                .orElseThrow(() -> Rejected.notFound("consent", id));
    }

    private static Rejected forbidden(String code) {
        return Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of(code, null));
    }

    private static Consent map(ResultSet rs, int i) throws SQLException {
        Array a = rs.getArray("accounts");
        List<String> accounts = a == null ? List.of() : Arrays.asList((String[]) a.getArray());
        return new Consent(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getLong("enterprise_id"), rs.getString("enterprise_name"), Consent.Purpose.valueOf(rs.getString("purpose")),
                accounts, rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class), (Long) rs.getObject("loan_id"),
                Consent.Status.valueOf(rs.getString("status")), rs.getString("requested_by"), instant(rs, "requested_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), instant(rs, "revoke_requested"), instant(rs, "ended_at"),
                rs.getString("note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
