package cn.chanrong.lending.internal;

import cn.chanrong.ledger.Reconciliation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loan subledger against the ledger, per loan: principal (1303), recognised receivable (1132),
 * provision (1304), memo interest (7011) and the written-off claim still open (7021). End of day posts
 * accruals as summary entries whose subledgered lines carry the summary's key: a loan's share of them is
 * its {@code loan_accrual} rows under that key, and each summary must equal the sum of its rows.
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
                          GROUP BY 1),
                        summarised AS (
                          SELECT loan_id, sum(interest + penalty) FILTER (WHERE NOT memo) AS receivable,
                                 sum(interest + penalty) FILTER (WHERE memo) AS memo
                          FROM loan_accrual WHERE summary IS NOT NULL GROUP BY 1),
                        both_sides AS (
                          SELECT l.id, l.number, l.principal_outstanding, coalesce(g.principal, 0) AS principal,
                                 l.receivable AS own_receivable, coalesce(g.receivable, 0) + coalesce(s.receivable, 0) AS receivable,
                                 l.provision AS own_provision, coalesce(g.provision, 0) AS provision,
                                 l.memo_receivable, coalesce(g.memo, 0) + coalesce(s.memo, 0) AS memo,
                                 l.written_off - l.recovered AS own_written_off, coalesce(g.written_off, 0) AS written_off
                          FROM loan l LEFT JOIN ledger g ON g.loan_id = l.id LEFT JOIN summarised s ON s.loan_id = l.id)
                        SELECT number, principal_outstanding, principal, own_receivable, receivable, own_provision, provision,
                               memo_receivable, memo, own_written_off, written_off
                        FROM both_sides
                        WHERE principal_outstanding <> principal OR own_receivable <> receivable OR own_provision <> provision
                           OR memo_receivable <> memo OR own_written_off <> written_off
                        ORDER BY id LIMIT 100""")
                .query((rs, i) -> out.add("loan " + rs.getString(1) + ": principal " + rs.getBigDecimal(2) + " vs ledger "
                        + rs.getBigDecimal(3) + ", receivable " + rs.getBigDecimal(4) + " vs " + rs.getBigDecimal(5)
                        + ", provision " + rs.getBigDecimal(6) + " vs " + rs.getBigDecimal(7) + ", memo interest "
                        + rs.getBigDecimal(8) + " vs " + rs.getBigDecimal(9) + ", written off " + rs.getBigDecimal(10)
                        + " vs " + rs.getBigDecimal(11)))
                .list();
        // every summary entry equals the accruals recorded under its key, account by account
        jdbc.sql("""
                        WITH rows AS (
                          SELECT summary, sum(interest + penalty) FILTER (WHERE NOT memo) AS receivable,
                                 sum(interest + penalty) FILTER (WHERE memo) AS memo
                          FROM loan_accrual WHERE summary IS NOT NULL GROUP BY 1),
                        posted AS (
                          SELECT subledger AS summary,
                                 sum(CASE WHEN account = '1132' THEN debit - credit ELSE 0 END) AS receivable,
                                 sum(CASE WHEN account = '7011' THEN debit - credit ELSE 0 END) AS memo
                          FROM ledger_subledger_balance_view WHERE account IN ('1132', '7011') AND subledger LIKE 'accruals:%'
                          GROUP BY 1)
                        SELECT coalesce(r.summary, p.summary), coalesce(r.receivable, 0), coalesce(p.receivable, 0),
                               coalesce(r.memo, 0), coalesce(p.memo, 0)
                        FROM rows r FULL JOIN posted p ON p.summary = r.summary
                        WHERE coalesce(r.receivable, 0) <> coalesce(p.receivable, 0) OR coalesce(r.memo, 0) <> coalesce(p.memo, 0)
                        ORDER BY 1 LIMIT 100""")
                .query((rs, i) -> out.add("accrual summary " + rs.getString(1) + ": loans' receivable " + rs.getBigDecimal(2)
                        + " vs posted " + rs.getBigDecimal(3) + ", memo " + rs.getBigDecimal(4) + " vs " + rs.getBigDecimal(5)))
                .list();
        return out;
    }
}
