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
                                              WHERE c.guarantee_id = g.id AND c.stage = 3 AND c.status = 'PAID')), 0)
                          FROM policy_guarantee g WHERE """ + " " + w + " GROUP BY g.programme_id ORDER BY g.programme_id")
                .params(p)
                .query((rs, n) -> new PolicyDashboard.Guarantee(rs.getLong(1), null, rs.getInt(2), fen(rs.getBigDecimal(3)),
                        fen(rs.getBigDecimal(4)), fen(rs.getBigDecimal(5)), fen(rs.getBigDecimal(6)), fen(rs.getBigDecimal(7))))
                .list();
    }
}
