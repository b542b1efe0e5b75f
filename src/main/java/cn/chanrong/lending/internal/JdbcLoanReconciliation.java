package cn.chanrong.lending.internal;

import cn.chanrong.ledger.Reconciliation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loan subledger against the ledger, per loan: principal (1303), recognised receivable (1132),
 * provision (1304), memo interest (7011) and the written-off claim still open (7021).
 */
@Component
class JdbcLoanReconciliation implements Reconciliation {

    private final JdbcClient jdbc;

    JdbcLoanReconciliation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "loans";
    }

    @Override
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        jdbc.sql("""
                        WITH ledger AS (
                          SELECT p.subledger::bigint AS loan_id,
                                 sum(CASE WHEN p.account = '1303' THEN p.debit - p.credit ELSE 0 END) AS principal,
                                 sum(CASE WHEN p.account = '1132' THEN p.debit - p.credit ELSE 0 END) AS receivable,
                                 sum(CASE WHEN p.account = '1304' THEN p.credit - p.debit ELSE 0 END) AS provision,
                                 sum(CASE WHEN p.account = '7011' THEN p.debit - p.credit ELSE 0 END) AS memo,
                                 sum(CASE WHEN p.account = '7021' THEN p.debit - p.credit ELSE 0 END) AS written_off
                          FROM ledger_subledger_balance_view p WHERE p.account IN ('1303', '1132', '1304', '7011', '7021')
                            AND p.subledger ~ '^[0-9]+$'
                          GROUP BY 1)
                        SELECT l.number, l.principal_outstanding, coalesce(g.principal, 0), l.receivable,
                               coalesce(g.receivable, 0), l.provision, coalesce(g.provision, 0), l.memo_receivable,
                               coalesce(g.memo, 0), l.written_off - l.recovered, coalesce(g.written_off, 0)
                        FROM loan l LEFT JOIN ledger g ON g.loan_id = l.id
                        WHERE l.principal_outstanding <> coalesce(g.principal, 0) OR l.receivable <> coalesce(g.receivable, 0)
                           OR l.provision <> coalesce(g.provision, 0) OR l.memo_receivable <> coalesce(g.memo, 0)
                           OR l.written_off - l.recovered <> coalesce(g.written_off, 0)
                        ORDER BY l.id LIMIT 100""")
                .query((rs, i) -> out.add("loan " + rs.getString(1) + ": principal " + rs.getBigDecimal(2) + " vs ledger "
                        + rs.getBigDecimal(3) + ", receivable " + rs.getBigDecimal(4) + " vs " + rs.getBigDecimal(5)
                        + ", provision " + rs.getBigDecimal(6) + " vs " + rs.getBigDecimal(7) + ", memo interest "
                        + rs.getBigDecimal(8) + " vs " + rs.getBigDecimal(9) + ", written off " + rs.getBigDecimal(10)
                        + " vs " + rs.getBigDecimal(11)))
                .list();
        return out;
    }
}
