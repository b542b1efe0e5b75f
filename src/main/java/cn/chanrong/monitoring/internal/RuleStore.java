package cn.chanrong.monitoring.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.monitoring.MonitoringRules;
import cn.chanrong.monitoring.domain.RuleBook;
import cn.chanrong.monitoring.domain.Rules;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rule versions ({@code monitoring_rule}): drafts, their back-tests, the live ones that make the {@link RuleBook}. */
@Component
class RuleStore {

    private static final String COLUMNS = """
            SELECT r.id, r.rule, r.version, r.institution_id, r.product_id, r.effective_from, r.params::text, r.note, r.status,
                   r.backtest::text, r.drafted_by, r.drafted_at, r.decided_by, r.decided_at, r.backtested_at
              FROM monitoring_rule r""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RuleStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored version, its parameters as read back. */
    record Stored(long id, String rule, int version, Long institutionId, Long productId, LocalDate effectiveFrom,
                  Map<String, Object> params, String note, MonitoringRules.Status status, MonitoringRules.Backtest backtest,
                  String draftedBy, Instant draftedAt, String decidedBy, Instant decidedAt) {

        RuleBook.Row row() {
            List<Rejection> problems = new ArrayList<>();
            Rules.Params p = Rules.parse(rule, version, params, problems);
            if (p == null) {
                throw new IllegalStateException("monitoring_rule " + id + " does not read: " + problems);
            }
            return new RuleBook.Row(rule, version, institutionId, productId, (int) effectiveFrom.toEpochDay(), p);
        }
    }

    /** The live versions, every scope. */
    RuleBook book() {
        return new RuleBook(jdbc.sql(COLUMNS + " WHERE r.status = 'LIVE'").query(this::map).list().stream()
                .map(Stored::row).toList());
    }

    /** An institution reads its own versions and the platform's; administrators and financial regulators all. */
    private static String where(Caller caller, Map<String, Object> params) {
        if (caller.isAdmin() || caller.is(Role.REGULATOR) && caller.isFinancialRegulator()) {
            return "TRUE";
        }
        if (caller.is(Role.INSTITUTION)) {
            params.put("me", caller.institutionId());
            return "(r.institution_id IS NULL OR r.institution_id = :me)";
        }
        return "FALSE";
    }

    Page<Stored> list(Caller caller, String rule, MonitoringRules.Status status, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(where(caller, p));
        if (rule != null) {
            w.append(" AND r.rule = :rule");
            p.put("rule", rule);
        }
        if (status != null) {
            w.append(" AND r.status = :status");
            p.put("status", status.name());
        }
        List<Stored> items = jdbc.sql(COLUMNS + " WHERE " + w + " " + """
                         ORDER BY r.rule, r.institution_id NULLS FIRST, r.product_id NULLS FIRST, r.version DESC
                         LIMIT :limit OFFSET :offset""")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM monitoring_rule r WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Optional<Stored> find(Caller caller, long id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        return jdbc.sql(COLUMNS + " WHERE r.id = :id AND " + where(caller, p) + (lock ? " FOR UPDATE" : ""))
                .params(p).query(this::map).optional();
    }

    Optional<Stored> byVersion(Caller caller, String rule, int version) {
        Map<String, Object> p = new HashMap<>();
        p.put("rule", rule);
        p.put("version", version);
        return jdbc.sql(COLUMNS + " WHERE r.rule = :rule AND r.version = :version AND " + where(caller, p))
                .params(p).query(this::map).optional();
    }

    /** A new draft, numbered after the rule's last version (drafts of one rule are numbered one at a time). */
    long insert(String rule, Long institutionId, Long productId, LocalDate effectiveFrom, Map<String, Object> params,
                String note, String by) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('monitoring_rule:' || :r))").param("r", rule).query(Object.class).single();
        int version = jdbc.sql("SELECT COALESCE(max(version), 0) + 1 FROM monitoring_rule WHERE rule = :r")
                .param("r", rule).query(Integer.class).single();
        return jdbc.sql("""
                        INSERT INTO monitoring_rule (rule, version, institution_id, product_id, effective_from, params, note,
                            status, drafted_by)
                        VALUES (:r, :v, :i, :p, :f, CAST(:j AS jsonb), :n, 'DRAFT', :by) RETURNING id""")
                .param("r", rule).param("v", version).param("i", institutionId).param("p", productId)
                .param("f", effectiveFrom).param("j", json.writeValueAsString(params)).param("n", note).param("by", by)
                .query(Long.class).single();
    }

    /** Keeps a back-test's figures; when it ran is the database's clock, read back with them. */
    void backtested(long id, MonitoringRules.Backtest result) {
        jdbc.sql("""
                        UPDATE monitoring_rule SET backtest = CAST(:b AS jsonb), backtested_by = :by, backtested_at = now()
                         WHERE id = :id""")
                .param("b", json.writeValueAsString(result)).param("by", result.by()).param("id", id).update();
    }

    void decide(long id, MonitoringRules.Status status, String by) {
        jdbc.sql("UPDATE monitoring_rule SET status = :s, decided_by = :by, decided_at = now() WHERE id = :id")
                .param("s", status.name()).param("by", by).param("id", id).update();
    }

    private static MonitoringRules.Backtest ran(MonitoringRules.Backtest b, OffsetDateTime at) {
        return new MonitoringRules.Backtest(b.from(), b.to(), b.payments(), b.truncated(), b.live(), b.draft(), b.added(),
                b.removed(), b.changes(), b.by(), at == null ? null : at.toInstant());
    }

    private Stored map(ResultSet rs, int i) throws SQLException {
        Map<String, Object> params = json.readValue(rs.getString(7), new TypeReference<Map<String, Object>>() { });
        String bt = rs.getString(10);
        OffsetDateTime decided = rs.getObject(14, OffsetDateTime.class);
        return new Stored(rs.getLong(1), rs.getString(2), rs.getInt(3), (Long) rs.getObject(4), (Long) rs.getObject(5),
                rs.getObject(6, LocalDate.class), params, rs.getString(8), MonitoringRules.Status.valueOf(rs.getString(9)),
                bt == null ? null : ran(json.readValue(bt, MonitoringRules.Backtest.class), rs.getObject(15, OffsetDateTime.class)),
                rs.getString(11),
                rs.getObject(12, OffsetDateTime.class).toInstant(), rs.getString(13), decided == null ? null : decided.toInstant());
    }
}
