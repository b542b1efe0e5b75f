package cn.chanrong.lending.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.lending.CreditPlans.Plan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Institutions' yearly credit plans for manufacturing ({@code credit_plan}), the balances their
 * loans reached, and the institution module's published view the reports name the institution from.
 */
@Component
class CreditPlanStore {

    /**
     * Whose plans a caller reads: an institution its own; regulators the institutions with their head
     * office or a branch in their region; administrators all.
     */
    private static final ReadScope SCOPE = ReadScope.regulated().institution("i.id").regionOfInstitution("i.id");

    /** Manufacturing balances of an institution's loans, at the year start and on the as-of date. */
    record Balances(BigDecimal atStart, BigDecimal atDate, BigDecimal mediumLongTerm, BigDecimal unsecured,
                    BigDecimal keyChain, long loans, int firstLoanBorrowers) {
    }

    private final JdbcClient jdbc;

    CreditPlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the institution's plan for the year, replacing the one set before. */
    void set(long institution, int year, BigDecimal netIncrease, BigDecimal mltShare, BigDecimal creditShare,
             Integer firstLoans, BigDecimal keyChainBalance, String actor) {
        jdbc.sql("""
                        INSERT INTO credit_plan (institution_id, year, net_increase_target, mlt_share_target,
                            credit_share_target, first_loan_target, key_chain_balance_target, set_by)
                        VALUES (:i, :y, :n, :m, :c, :f, :k, :by)
                        ON CONFLICT (institution_id, year) DO UPDATE SET net_increase_target = :n, mlt_share_target = :m,
                            credit_share_target = :c, first_loan_target = :f, key_chain_balance_target = :k, set_by = :by,
                            set_at = now()""")
                .param("i", institution).param("y", year).param("n", netIncrease).param("m", mltShare)
                .param("c", creditShare).param("f", firstLoans).param("k", keyChainBalance).param("by", actor).update();
    }

    /** The institution's plan for the year; null when none was set. */
    Plan plan(long institution, int year) {
        return jdbc.sql("""
                        SELECT institution_id, year, net_increase_target, mlt_share_target, credit_share_target,
                               first_loan_target, key_chain_balance_target, set_by
                        FROM credit_plan WHERE institution_id = :i AND year = :y""")
                .param("i", institution).param("y", year)
                .query((rs, i) -> new Plan(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), (Integer) rs.getObject(6), rs.getBigDecimal(7), rs.getString(8)))
                .optional().orElse(null);
    }

    /** The institution's name, when the caller may read its plans. */
    Optional<String> institutionName(Caller caller, long institutionId) {
        Map<String, Object> p = new HashMap<>();
        String where = SCOPE.where(caller, p);
        return jdbc.sql("SELECT name FROM institution_party_view i WHERE i.id = :i AND " + where).params(p)
                .param("i", institutionId).query(String.class)
                .optional();
    }

    /** The institutions the caller may read with loans or a plan for the year, by id. */
    List<Long> reporting(Caller caller, int year) {
        Map<String, Object> p = new HashMap<>();
        String where = SCOPE.where(caller, p);
        return jdbc.sql("""
                        SELECT id FROM institution_party_view i WHERE (EXISTS (SELECT 1 FROM loan l WHERE l.institution_id = i.id)
                           OR EXISTS (SELECT 1 FROM credit_plan p WHERE p.institution_id = i.id AND p.year = :y))"""
                        + " AND " + where + " ORDER BY id")
                .params(p).param("y", year).query(Long.class).list();
    }

    /**
     * Balances of manufacturing loans read from the principal movements, on {@code start} and on {@code asOf};
     * the institution's loan tags are computed once (the view is costly per loan).
     */
    Balances balances(long institution, LocalDate start, LocalDate asOf) {
        return jdbc.sql("""
                        WITH t AS MATERIALIZED (
                          SELECT loan_id, medium_long_term, unsecured, key_chain FROM loan_tag
                          WHERE institution_id = :i AND manufacturing),
                        bal AS (
                          SELECT m.loan_id,
                                 sum(m.change) FILTER (WHERE m.value_date <= :start) AS at_start,
                                 sum(m.change) FILTER (WHERE m.value_date <= :asOf) AS at_date
                          FROM loan_principal_movement m JOIN t ON t.loan_id = m.loan_id
                          GROUP BY m.loan_id)
                        SELECT coalesce(sum(b.at_start), 0), coalesce(sum(b.at_date), 0),
                               coalesce(sum(b.at_date) FILTER (WHERE t.medium_long_term), 0),
                               coalesce(sum(b.at_date) FILTER (WHERE t.unsecured), 0),
                               coalesce(sum(b.at_date) FILTER (WHERE t.key_chain), 0),
                               count(*) FILTER (WHERE b.at_date > 0),
                               (SELECT count(DISTINCT l.borrower_id) FROM loan l JOIN loan_tag f ON f.loan_id = l.id
                                 WHERE l.institution_id = :i AND f.first_loan AND f.manufacturing
                                   AND l.disbursed_on > :start AND l.disbursed_on <= :asOf)
                        FROM bal b JOIN t ON t.loan_id = b.loan_id""")
                .param("start", start).param("asOf", asOf).param("i", institution)
                .query((rs, i) -> new Balances(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6), rs.getInt(7)))
                .single();
    }
}
