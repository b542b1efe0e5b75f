package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.CreditPlans;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CreditPlanService implements CreditPlans {

    private static final BigDecimal BILLION = new BigDecimal("1000000000000.00");

    private final JdbcClient jdbc;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    CreditPlanService(JdbcClient jdbc, BusinessDate businessDate, AuditTrail audit) {
        this.jdbc = jdbc;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Plan set(Caller caller, int year, Request r) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        if (year < 2020 || year > 2100) {
            problems.add(Rejection.of("range", "year", 2020, 2100, year));
        }
        BigDecimal net = Amounts.check(r.netIncreaseTarget(), "netIncreaseTarget", true, BILLION, problems);
        BigDecimal mlt = share(r.mltShareTarget(), "mltShareTarget", problems);
        BigDecimal credit = share(r.creditShareTarget(), "creditShareTarget", problems);
        BigDecimal chain = Amounts.check(r.keyChainBalanceTarget(), "keyChainBalanceTarget", false, BILLION, problems);
        if (r.firstLoanTarget() != null && r.firstLoanTarget() < 0) {
            problems.add(Rejection.of("range", "firstLoanTarget", 0, 1000000, r.firstLoanTarget()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        jdbc.sql("""
                        INSERT INTO credit_plan (institution_id, year, net_increase_target, mlt_share_target,
                            credit_share_target, first_loan_target, key_chain_balance_target, set_by)
                        VALUES (:i, :y, :n, :m, :c, :f, :k, :by)
                        ON CONFLICT (institution_id, year) DO UPDATE SET net_increase_target = :n, mlt_share_target = :m,
                            credit_share_target = :c, first_loan_target = :f, key_chain_balance_target = :k, set_by = :by,
                            set_at = now()""")
                .param("i", caller.institutionId()).param("y", year).param("n", net).param("m", mlt).param("c", credit)
                .param("f", r.firstLoanTarget()).param("k", chain).param("by", caller.username()).update();
        audit.record(AuditEvent.success(caller.username(), "credit-plan.set", "credit-plan",
                caller.institutionId() + "/" + year, "net " + net + ", MLT " + mlt + ", credit " + credit + ", key chain " + chain));
        return plan(caller.institutionId(), year);
    }

    /** A share as a fraction of one, in hundredths (0.45 = 45 %). */
    private static BigDecimal share(BigDecimal value, String field, List<Rejection> problems) {
        return Amounts.check(value, field, false, BigDecimal.ONE, problems);
    }

    private Plan plan(long institution, int year) {
        return jdbc.sql("""
                        SELECT institution_id, year, net_increase_target, mlt_share_target, credit_share_target,
                               first_loan_target, key_chain_balance_target, set_by
                        FROM credit_plan WHERE institution_id = :i AND year = :y""")
                .param("i", institution).param("y", year)
                .query((rs, i) -> new Plan(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), (Integer) rs.getObject(6), rs.getBigDecimal(7), rs.getString(8)))
                .optional().orElse(null);
    }

    /**
     * Whose plans a caller reads: an institution its own; regulators the institutions with their head
     * office or a branch in their region; administrators all.
     */
    static final ReadScope SCOPE = ReadScope.regulated().institution("i.id").regionOfInstitution("i.id");

    @Override
    @Transactional(readOnly = true)
    public Report report(Caller caller, long institutionId, int year) {
        Map<String, Object> p = new java.util.HashMap<>();
        String where = SCOPE.where(caller, p);
        String name = jdbc.sql("SELECT name FROM institution_party_view i WHERE i.id = :i AND " + where).params(p)
                .param("i", institutionId).query(String.class)
                .optional().orElseThrow(() -> Rejected.notFound("credit plan", institutionId + "/" + year));
        return new Report(institutionId, name, year, plan(institutionId, year), actual(institutionId, year));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Report> reports(Caller caller, int year) {
        if (!caller.isAdmin() && !caller.is(Role.REGULATOR)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.regulators-only", null));
        }
        Map<String, Object> p = new java.util.HashMap<>();
        String where = SCOPE.where(caller, p);
        return jdbc.sql("""
                        SELECT id FROM institution_party_view i WHERE (EXISTS (SELECT 1 FROM loan l WHERE l.institution_id = i.id)
                           OR EXISTS (SELECT 1 FROM credit_plan p WHERE p.institution_id = i.id AND p.year = :y))"""
                        + " AND " + where + " ORDER BY id")
                .params(p).param("y", year).query(Long.class).list().stream().map(id -> report(caller, id, year)).toList();
    }

    /** Balances of manufacturing loans read from the principal movements, at the year start and on the as-of date. */
    private Actual actual(long institution, int year) {
        LocalDate today = businessDate.today();
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate asOf = today.isBefore(yearEnd) ? today : yearEnd;
        LocalDate start = LocalDate.of(year - 1, 12, 31);
        return jdbc.sql("""
                        WITH bal AS (
                          SELECT m.loan_id,
                                 sum(m.change) FILTER (WHERE m.value_date <= :start) AS at_start,
                                 sum(m.change) FILTER (WHERE m.value_date <= :asOf) AS at_date
                          FROM loan_principal_movement m JOIN loan_tag t ON t.loan_id = m.loan_id
                          WHERE t.institution_id = :i AND t.manufacturing GROUP BY m.loan_id)
                        SELECT coalesce(sum(b.at_start), 0), coalesce(sum(b.at_date), 0),
                               coalesce(sum(b.at_date) FILTER (WHERE t.medium_long_term), 0),
                               coalesce(sum(b.at_date) FILTER (WHERE t.unsecured), 0),
                               coalesce(sum(b.at_date) FILTER (WHERE t.key_chain), 0),
                               count(*) FILTER (WHERE b.at_date > 0),
                               (SELECT count(DISTINCT l.borrower_id) FROM loan l JOIN loan_tag f ON f.loan_id = l.id
                                 WHERE l.institution_id = :i AND f.first_loan AND f.manufacturing
                                   AND l.disbursed_on > :start AND l.disbursed_on <= :asOf)
                        FROM bal b JOIN loan_tag t ON t.loan_id = b.loan_id""")
                .param("start", start).param("asOf", asOf).param("i", institution)
                .query((rs, i) -> {
                    BigDecimal atStart = rs.getBigDecimal(1);
                    BigDecimal balance = rs.getBigDecimal(2);
                    return new Actual(asOf, atStart, balance, balance.subtract(atStart), ratio(rs.getBigDecimal(3), balance),
                            ratio(rs.getBigDecimal(4), balance), rs.getInt(7), rs.getBigDecimal(5), rs.getLong(6));
                })
                .single();
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
