package cn.chanrong.policy.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.policy.PolicyDashboard;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The policy money's figures, summed in SQL within the caller's scope (each record kind's own scope): re-lending per
 * programme and bank, subsidies per programme, guarantees per scheme, pool claims per pool.
 */
@Component
class DashboardStore {

    private final JdbcClient jdbc;

    DashboardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static BigDecimal fen(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2);
    }

    List<PolicyDashboard.Relending> relending(Caller caller) {
        Map<String, Object> p = new HashMap<>();
        String w = LedgerStore.SCOPE.where(caller, p);
        return jdbc.sql("""
                        SELECT g.programme_id, g.institution_id, count(*) FILTER (WHERE g.status = 'BOOKED'),
                               sum(g.relending_amount) FILTER (WHERE g.status = 'BOOKED'),
                               sum(g.relending_amount) FILTER (WHERE g.status = 'REPAID'),
                               count(*) FILTER (WHERE g.status IN ('COMPILED', 'CONFIRMED'))
                          FROM policy_ledger g WHERE """ + " " + w + " GROUP BY g.programme_id, g.institution_id"
                        + " ORDER BY g.programme_id, g.institution_id")
                .params(p)
                .query((rs, n) -> new PolicyDashboard.Relending(rs.getLong(1), null, rs.getLong(2), null, rs.getInt(3),
                        fen(rs.getBigDecimal(4)), fen(rs.getBigDecimal(5)), rs.getInt(6)))
                .list();
    }

    List<PolicyDashboard.Subsidy> subsidies(Caller caller) {
        Map<String, Object> p = new HashMap<>();
        String w = SubsidyStore.SCOPE.where(caller, p);
        Map<String, Object> q = new HashMap<>();
        String cw = SubsidyStore.BANK_SCOPE.where(caller, q);
        Map<Long, BigDecimal[]> claims = new HashMap<>();
        jdbc.sql("""
                        SELECT c.programme_id, sum(c.amount) FILTER (WHERE c.status = 'SUBMITTED'),
                               sum(c.amount) FILTER (WHERE c.status = 'SETTLED')
                          FROM policy_subsidy_claim c WHERE """ + " " + cw + " GROUP BY c.programme_id")
                .params(q).query(rs -> {
                    claims.put(rs.getLong(1), new BigDecimal[]{fen(rs.getBigDecimal(2)), fen(rs.getBigDecimal(3))});
                });
        return jdbc.sql("""
                        SELECT s.programme_id, count(*), count(*) FILTER (WHERE s.status = 'STOPPED'), sum(s.accrued),
                               sum(s.settled)
                          FROM policy_subsidy s WHERE """ + " " + w + " GROUP BY s.programme_id ORDER BY s.programme_id")
                .params(p)
                .query((rs, n) -> {
                    BigDecimal[] c = claims.getOrDefault(rs.getLong(1), new BigDecimal[]{fen(null), fen(null)});
                    return new PolicyDashboard.Subsidy(rs.getLong(1), null, rs.getInt(2), rs.getInt(3), fen(rs.getBigDecimal(4)),
                            fen(rs.getBigDecimal(5)), c[0], c[1]);
                })
                .list();
    }

    List<PolicyDashboard.Guarantee> guarantees(Caller caller) {
        Map<String, Object> p = new HashMap<>();
        String w = GuaranteeStore.SCOPE.where(caller, p);
        return jdbc.sql("""
                        SELECT g.programme_id, count(*),
                               coalesce(sum(g.amount) FILTER (WHERE NOT EXISTS (SELECT 1 FROM policy_guarantee_claim c
                                                                                WHERE c.guarantee_id = g.id)), 0),
                               coalesce(sum(g.loss), 0),
                               coalesce(sum((SELECT sum(c.amount) FROM policy_guarantee_claim c
                                              WHERE c.guarantee_id = g.id AND c.stage = 1 AND c.status = 'PAID')), 0),
                               coalesce(sum((SELECT sum(c.amount) FROM policy_guarantee_claim c
                                              WHERE c.guarantee_id = g.id AND c.stage = 2 AND c.status = 'PAID')), 0),
                               coalesce(sum((SELECT sum(c.amount) FROM policy_guarantee_claim c
                                              WHERE c.guarantee_id = g.id AND c.stage = 3 AND c.status = 'PAID')), 0),
                               round(sum(g.amount * g.fee_percent) / sum(g.amount), 4)
                          FROM policy_guarantee g WHERE """ + " " + w + " GROUP BY g.programme_id ORDER BY g.programme_id")
                .params(p)
                .query((rs, n) -> new PolicyDashboard.Guarantee(rs.getLong(1), null, rs.getInt(2), fen(rs.getBigDecimal(3)),
                        fen(rs.getBigDecimal(4)), fen(rs.getBigDecimal(5)), fen(rs.getBigDecimal(6)), fen(rs.getBigDecimal(7)),
                        rs.getBigDecimal(8), null))
                .list();
    }

    /** A loan's borrower scope for the green figures: the bank's own, financial regulators where the borrower is. */
    static final cn.chanrong.identity.ReadScope LOANS = cn.chanrong.identity.ReadScope.customerData()
            .institution("f.institution_id").enterprise("f.borrower_id").regionOfEnterprise("f.borrower_id");

    /**
     * Green, transition, energy-intensive and carbon-reduction lending outstanding grouped by key chain ({@code byChain})
     * or by province; the sectors are GB/T 4754 code prefixes of the catalogues in force. Names are the caller's to add.
     */
    List<PolicyDashboard.Green> green(Caller caller, boolean byChain, List<String> transitionSectors,
                                      List<String> energyIntensiveSectors) {
        Map<String, Object> p = new HashMap<>();
        String w = LOANS.where(caller, p);
        String key = byChain ? "ct.tag" : "left(e.region_code, 2) || '0000'";
        String chainJoin = byChain ? " JOIN enterprise_chain_tag_view ct ON ct.enterprise_id = f.borrower_id" : "";
        return jdbc.sql("""
                        WITH l AS (
                          SELECT %s AS k, f.principal_outstanding AS bal,
                                 g.loan_id IS NOT NULL AS green,
                                 (t.tech_transformation OR t.equipment_renewal)
                                   AND e.industry_code LIKE ANY (:transition) AS transition,
                                 e.industry_code LIKE ANY (:intensive) AS intensive,
                                 c.co2_tonnes
                            FROM loan_fact_view f
                            JOIN enterprise_party_view e ON e.id = f.borrower_id
                            JOIN loan_tag t ON t.loan_id = f.loan_id
                            LEFT JOIN loan_green_view g ON g.loan_id = f.loan_id
                            LEFT JOIN policy_carbon_reduction c ON c.loan_id = f.loan_id%s
                           WHERE f.principal_outstanding > 0 AND e.region_code IS NOT NULL AND %s)
                        SELECT k, count(*) FILTER (WHERE green), coalesce(sum(bal) FILTER (WHERE green), 0),
                               count(*) FILTER (WHERE transition), coalesce(sum(bal) FILTER (WHERE transition), 0),
                               count(*) FILTER (WHERE intensive), coalesce(sum(bal) FILTER (WHERE intensive), 0),
                               coalesce(sum(bal) FILTER (WHERE intensive AND green), 0),
                               count(co2_tonnes), coalesce(sum(bal) FILTER (WHERE co2_tonnes IS NOT NULL), 0),
                               coalesce(sum(co2_tonnes), 0)
                          FROM l GROUP BY k
                        HAVING count(*) FILTER (WHERE green OR transition OR intensive) > 0
                         ORDER BY k""".formatted(key, chainJoin, w))
                .params(p)
                .param("transition", transitionSectors.stream().map(c -> c + "%").toArray(String[]::new))
                .param("intensive", energyIntensiveSectors.stream().map(c -> c + "%").toArray(String[]::new))
                .query((rs, n) -> new PolicyDashboard.Green(byChain ? "CHAIN" : "REGION", rs.getString(1), null, null, rs.getInt(2),
                        fen(rs.getBigDecimal(3)), rs.getInt(4), fen(rs.getBigDecimal(5)), rs.getInt(6), fen(rs.getBigDecimal(7)),
                        fen(rs.getBigDecimal(8)), rs.getInt(9), fen(rs.getBigDecimal(10)), fen(rs.getBigDecimal(11))))
                .list();
    }
}
