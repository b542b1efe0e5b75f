package cn.chanrong.monitoring.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.monitoring.domain.AlertStatus;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Alerts ({@code monitoring_alert}): raised once per payment and rule, read in the caller's scope, decided once. */
@Component
class MonitoringAlertStore {

    /**
     * Who reads an alert: the institution that reported the payment (its queue); the financial regulators where
     * the enterprise is registered, once the institution confirmed the case.
     */
    static final ReadScope SCOPE = ReadScope.customerData().institution("a.institution_id").regionOfEnterprise("a.enterprise_id");

    private static final String COLUMNS = """
            SELECT a.id, a.rule, a.rule_version, a.status, a.institution_id, a.loan_id, a.loan_number, a.enterprise_id,
                   a.enterprise_name, a.category, a.days, p.amount, p.value_date, p.counterparty_name,
                   p.counterparty_account, p.bank_reference, a.raised_at, a.outcome_reason, a.decided_by, a.decided_at,
                   x.bank_reference, x.amount, x.value_date, a.filing_number, a.filed_on, a.filed_by
              FROM monitoring_alert a LEFT JOIN monitoring_payment p ON p.id = a.payment_id
              LEFT JOIN monitoring_payment x ON x.id = a.earlier_payment_id""";

    private final JdbcClient jdbc;

    MonitoringAlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Raise(long institutionId, long loanId, String loanNumber, long enterpriseId, String enterpriseName,
                 long paymentId, Long earlierPaymentId, String rule, int ruleVersion, String category, long days) {
    }

    /** True when new: a payment raises a rule's alert once, however often it is reported. */
    boolean raise(Raise r) {
        return jdbc.sql("""
                        INSERT INTO monitoring_alert (institution_id, loan_id, loan_number, enterprise_id, enterprise_name,
                            payment_id, earlier_payment_id, rule, rule_version, category, days)
                        VALUES (:i, :l, :ln, :e, :en, :p, :x, :r, :v, :c, :d) ON CONFLICT (payment_id, rule) DO NOTHING""")
                .param("i", r.institutionId()).param("l", r.loanId()).param("ln", r.loanNumber())
                .param("e", r.enterpriseId()).param("en", r.enterpriseName()).param("p", r.paymentId()).param("x", r.earlierPaymentId())
                .param("r", r.rule()).param("v", r.ruleVersion()).param("c", r.category()).param("d", r.days())
                .update() == 1;
    }

    /** An alert on a registry filing against a loan's collateral. */
    record FilingRaise(long institutionId, long loanId, String loanNumber, long enterpriseId, String enterpriseName,
                       String filingNumber, java.time.LocalDate filedOn, String filedBy, String rule, int ruleVersion, long days) {
    }

    /** True when new: a filing raises its alert once per loan. */
    boolean raise(FilingRaise r) {
        return jdbc.sql("""
                        INSERT INTO monitoring_alert (institution_id, loan_id, loan_number, enterprise_id, enterprise_name,
                            filing_number, filed_on, filed_by, rule, rule_version, category, days)
                        VALUES (:i, :l, :ln, :e, :en, :f, :fo, :fb, :r, :v, 'COLLATERAL', :d)
                        ON CONFLICT (loan_id, rule, filing_number) WHERE filing_number IS NOT NULL DO NOTHING""")
                .param("i", r.institutionId()).param("l", r.loanId()).param("ln", r.loanNumber())
                .param("e", r.enterpriseId()).param("en", r.enterpriseName()).param("f", r.filingNumber())
                .param("fo", r.filedOn()).param("fb", r.filedBy()).param("r", r.rule()).param("v", r.ruleVersion())
                .param("d", r.days()).update() == 1;
    }

    private static String where(Caller caller, Map<String, Object> params) {
        String w = SCOPE.where(caller, params);
        // a regulator sees the cases an institution confirmed, not its open queue
        return caller.is(Role.REGULATOR) ? w + " AND a.status = 'CONFIRMED'" : w;
    }

    Page<Monitoring.Alert> list(Caller caller, AlertStatus status, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(where(caller, p));
        if (status != null) {
            where.append(" AND a.status = :status");
            p.put("status", status.name());
        }
        List<Monitoring.Alert> items = jdbc.sql(COLUMNS + " WHERE " + where + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query(MonitoringAlertStore::map).list();
        long total = jdbc.sql("SELECT count(*) FROM monitoring_alert a WHERE " + where).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The alert if the caller may read it; {@code lock} locks it for a decision. */
    Optional<Monitoring.Alert> find(Caller caller, long id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        String where = where(caller, p);
        return jdbc.sql(COLUMNS + " WHERE a.id = :id AND " + where + (lock ? " FOR UPDATE OF a" : ""))
                .params(p).query(MonitoringAlertStore::map).optional();
    }

    /** Stores the decision on an alert locked by {@link #find}. */
    void decide(long id, AlertStatus outcome, String reason, String by) {
        jdbc.sql("""
                        UPDATE monitoring_alert SET status = :s, outcome_reason = :r, decided_by = :by, decided_at = now()
                         WHERE id = :id""")
                .param("s", outcome.name()).param("r", reason).param("by", by).param("id", id).update();
    }

    /** How people name an alert: DV, the year it was raised (Beijing time), its serial. */
    static String caseNumber(long id, java.time.Instant raisedAt) {
        return "DV%d%06d".formatted(raisedAt.atZone(cn.chanrong.reference.BusinessDate.ZONE).getYear(), id);
    }

    private static Monitoring.Alert map(ResultSet rs, int i) throws SQLException {
        java.time.Instant raised = rs.getObject(17, OffsetDateTime.class).toInstant();
        String filing = rs.getString(24);
        // an alert on a filing: the day it was filed and who filed it stand where a payment's day and payee would
        LocalDate on = filing == null ? rs.getObject(13, LocalDate.class) : rs.getObject(25, LocalDate.class);
        String party = filing == null ? rs.getString(14) : rs.getString(26);
        return new Monitoring.Alert(rs.getLong(1), caseNumber(rs.getLong(1), raised), rs.getString(2), rs.getInt(3), AlertStatus.of(rs.getString(4)), rs.getLong(5),
                rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getLong(11),
                rs.getBigDecimal(12), on, party, rs.getString(15),
                rs.getString(16), rs.getObject(17, OffsetDateTime.class).toInstant(), rs.getString(18), rs.getString(19),
                rs.getObject(20, OffsetDateTime.class) == null ? null : rs.getObject(20, OffsetDateTime.class).toInstant(),
                rs.getString(21) == null ? null
                        : new Monitoring.Earlier(rs.getString(21), rs.getBigDecimal(22), rs.getObject(23, LocalDate.class)),
                List.of(), filing);
    }
}
